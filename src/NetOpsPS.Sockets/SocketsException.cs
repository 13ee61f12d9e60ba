using System;
using System.Net.Sockets;

namespace NetOpsPS.Sockets;

/// <summary>An engine failure with an error code the cmdlet layer maps to an ErrorRecord id.</summary>
public sealed class SocketsException : Exception
{
    /// <summary>Creates an exception with a code and a message.</summary>
    public SocketsException(SocketsError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
    }

    /// <summary>Creates an unclassified exception.</summary>
    public SocketsException() : this(SocketsError.Unknown, "Sockets engine error.") { }

    /// <summary>Creates an unclassified exception with a message.</summary>
    public SocketsException(string message) : this(SocketsError.Unknown, message) { }

    /// <summary>Creates an unclassified exception with a message and its cause.</summary>
    public SocketsException(string message, Exception innerException) : this(SocketsError.Unknown, message, innerException) { }

    /// <summary>The error code.</summary>
    public SocketsError Error { get; }

    internal static SocketsError Classify(SocketError error) => error switch
    {
        SocketError.AddressAlreadyInUse => SocketsError.AddressInUse,
        SocketError.AddressNotAvailable => SocketsError.AddressNotAvailable,
        SocketError.AccessDenied => SocketsError.AccessDenied,
        SocketError.InvalidArgument => SocketsError.InvalidArgument,
        _ => SocketsError.Unknown,
    };
}
