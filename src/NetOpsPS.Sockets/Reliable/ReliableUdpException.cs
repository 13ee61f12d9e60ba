using System;

namespace NetOpsPS.Sockets.Reliable;

/// <summary>A failed transfer, with what was acknowledged before it failed.</summary>
public sealed class ReliableUdpException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReliableUdpException(ReliableUdpErrorKind kind, string message, ReliableUdpTransferResult? result, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Result = result;
    }

    /// <summary>Creates an exception of kind Socket.</summary>
    public ReliableUdpException() : this(ReliableUdpErrorKind.Socket, "Reliable UDP transfer failed.", null) { }

    /// <summary>Creates an exception of kind Socket with a message.</summary>
    public ReliableUdpException(string message) : this(ReliableUdpErrorKind.Socket, message, null) { }

    /// <summary>Creates an exception of kind Socket with a message and its cause.</summary>
    public ReliableUdpException(string message, Exception innerException) : this(ReliableUdpErrorKind.Socket, message, null, innerException) { }

    /// <summary>Why it failed.</summary>
    public ReliableUdpErrorKind Kind { get; }

    /// <summary>Counters up to the failure (MessagesAcknowledged says how far it got), when the transfer had started.</summary>
    public ReliableUdpTransferResult? Result { get; }
}
