using System;
using System.IO.Pipelines;
using System.Threading;
using System.Threading.Tasks;

namespace NetOpsPS.Sockets.Tests.Framing.Support;

/// <summary>A PipeReader that counts reads and fails past a limit, so a reader that spins on a partial frame fails instead of hanging.</summary>
internal sealed class CountingPipeReader : PipeReader
{
    private readonly PipeReader _inner;
    private readonly int _mostReads;

    public CountingPipeReader(PipeReader inner, int mostReads = 1000)
    {
        _inner = inner;
        _mostReads = mostReads;
    }

    public int Reads { get; private set; }

    public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        Reads++;
        return Reads > _mostReads ? throw new InvalidOperationException($"More than {_mostReads} reads: the reader spins.") : _inner.ReadAsync(cancellationToken);
    }

    public override bool TryRead(out ReadResult result) => _inner.TryRead(out result);

    public override void AdvanceTo(SequencePosition consumed) => _inner.AdvanceTo(consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined) => _inner.AdvanceTo(consumed, examined);

    public override void CancelPendingRead() => _inner.CancelPendingRead();

    public override void Complete(Exception? exception = null) => _inner.Complete(exception);
}
