namespace NetOpsPS.Sockets.Reliable.Internal;

/// <summary>
/// The bytes a listener holds for all sessions (out-of-order packets and half-built messages), so a
/// flood of sessions or fragments cannot grow memory without bound. Used from the receive loop only.
/// </summary>
internal sealed class ByteBudget
{
    private readonly long _limit;

    public ByteBudget(long limit) => _limit = limit;

    public long Used { get; private set; }

    public bool TryTake(long bytes)
    {
        if (Used + bytes > _limit)
        {
            return false;
        }

        Used += bytes;
        return true;
    }

    public void Give(long bytes) => Used -= bytes;
}
