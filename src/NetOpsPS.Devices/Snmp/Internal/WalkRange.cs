using System.Collections.Generic;

namespace NetOpsPS.Devices.Snmp.Internal;

/// <summary>
/// A part of a parallel walk: the OIDs after <see cref="Start"/> up to and including <see cref="End"/>
/// (null: to the end of the walked subtree). Ranges split as (s, b] and (b, e], so every OID falls in exactly one.
/// </summary>
internal sealed class WalkRange(SnmpOid start, SnmpOid? end)
{
    public SnmpOid Start { get; } = start;

    public SnmpOid? End { get; set; } = end;

    /// <summary>The last OID this range's walker reached (its next GetBulk starts there).</summary>
    public SnmpOid Position { get; set; } = start;

    public List<SnmpVarBind> Results { get; } = [];

    public bool Taken { get; set; }

    public bool Done { get; set; }

    /// <summary>
    /// The shallowest "next sibling" boundary after <see cref="Position"/> that lies inside the range and under
    /// <paramref name="root"/>: Position cut to a depth with its last arc plus one. Null when none fits.
    /// </summary>
    public SnmpOid? SplitPoint(SnmpOid root)
    {
        System.ReadOnlySpan<uint> arcs = Position.Arcs;
        for (int depth = root.Length + 1; depth < arcs.Length; depth++)
        {
            if (arcs[depth - 1] == uint.MaxValue)
            {
                continue;
            }

            uint[] candidate = arcs[..depth].ToArray();
            candidate[^1]++;
            var boundary = SnmpOid.FromOwned(candidate);
            if (End is null || boundary.CompareTo(End) < 0)
            {
                return boundary;
            }
        }

        return null;
    }
}
