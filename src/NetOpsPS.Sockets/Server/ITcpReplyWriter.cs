using System;
using System.Buffers;

namespace NetOpsPS.Sockets.Server;

/// <summary>Queues reply frames of a connection; they are framed by its encoder and sent together after the current read.</summary>
public interface ITcpReplyWriter
{
    /// <summary>Queues <paramref name="head"/> followed by <paramref name="body"/> as one frame.</summary>
    void Write(ReadOnlySpan<byte> head, in ReadOnlySequence<byte> body);
}
