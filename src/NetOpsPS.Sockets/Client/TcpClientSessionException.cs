using System;

namespace NetOpsPS.Sockets.Client;

/// <summary>A client session failure, with the kind the cmdlet layer maps to an ErrorRecord id.</summary>
public sealed class TcpClientSessionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TcpClientSessionException(TcpClientErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    /// <summary>Creates an unclassified exception.</summary>
    public TcpClientSessionException() : this(TcpClientErrorKind.Other, "TCP client session error.") { }

    /// <summary>Creates an unclassified exception with a message.</summary>
    public TcpClientSessionException(string message) : this(TcpClientErrorKind.Other, message) { }

    /// <summary>Creates an unclassified exception with a message and its cause.</summary>
    public TcpClientSessionException(string message, Exception innerException) : this(TcpClientErrorKind.Other, message, innerException) { }

    /// <summary>What went wrong.</summary>
    public TcpClientErrorKind Kind { get; }
}
