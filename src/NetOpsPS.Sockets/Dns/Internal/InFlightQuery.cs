using System.Threading.Tasks;

namespace NetOpsPS.Sockets.DnsTools.Internal;

/// <summary>
/// A question on its way upstream; queries for the same question wait for its answer instead of asking again.
/// Their continuations run inline when the answer comes (each only copies it and sends one datagram), not
/// as one thread-pool item per waiting client.
/// </summary>
internal sealed class InFlightQuery
{
    private readonly TaskCompletionSource<byte[]?> _answer = new();

    /// <summary>The upstream answer (the leader's id), or null when no upstream answered.</summary>
    public Task<byte[]?> Answer => _answer.Task;

    public void Complete(byte[]? answer) => _answer.TrySetResult(answer);
}
