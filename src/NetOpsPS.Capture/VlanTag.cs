namespace NetOpsPS.Capture;

/// <summary>One 802.1Q (TPID 0x8100) or 802.1ad service (TPID 0x88A8, QinQ outer) tag.</summary>
public readonly record struct VlanTag(ushort Tpid, int Id, int Priority, bool DropEligible)
{
    internal static VlanTag FromTci(ushort tpid, ushort tci) => new(tpid, tci & 0x0FFF, tci >> 13, (tci & 0x1000) != 0);

    /// <inheritdoc />
    public override string ToString() => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
