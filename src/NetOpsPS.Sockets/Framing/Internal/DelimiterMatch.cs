namespace NetOpsPS.Sockets.Framing.Internal;

/// <summary>
/// What a search of <see cref="DelimiterSet"/> found. With <see cref="Index"/> at 0 or more the frame is cut at
/// <see cref="Position"/> by that delimiter. With -1 there is no cut yet, and <see cref="Position"/> is the first
/// byte that may still start a delimiter once more bytes come: every byte before it is payload for certain.
/// </summary>
internal readonly record struct DelimiterMatch(long Position, int Index)
{
    public bool IsCut => Index >= 0;
}
