using System;

namespace NetOpsPS.Sockets.Framing;

/// <summary>A framing failure; the connection that met it is closed with this as the logged reason.</summary>
public sealed class FramingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FramingException(FramingError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
    }

    /// <summary>Creates an exception of kind Malformed.</summary>
    public FramingException() : this(FramingError.Malformed, "Malformed frame.") { }

    /// <summary>Creates an exception of kind Malformed with a message.</summary>
    public FramingException(string message) : this(FramingError.Malformed, message) { }

    /// <summary>Creates an exception of kind Malformed with a message and its cause.</summary>
    public FramingException(string message, Exception innerException) : this(FramingError.Malformed, message, innerException) { }

    /// <summary>What went wrong.</summary>
    public FramingError Error { get; }
}
