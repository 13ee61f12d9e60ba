using System;

namespace NetOpsPS.Capture;

/// <summary>An engine failure with an error code the cmdlet layer maps to an ErrorRecord id.</summary>
public sealed class CaptureException : Exception
{
    /// <summary>Creates an exception with a code and a message.</summary>
    public CaptureException(CaptureError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
    }

    /// <summary>Creates an unclassified exception.</summary>
    public CaptureException() : this(CaptureError.Unknown, "Capture engine error.") { }

    /// <summary>Creates an unclassified exception with a message.</summary>
    public CaptureException(string message) : this(CaptureError.Unknown, message) { }

    /// <summary>Creates an unclassified exception with a message and its cause.</summary>
    public CaptureException(string message, Exception innerException) : this(CaptureError.Unknown, message, innerException) { }

    /// <summary>The error code.</summary>
    public CaptureError Error { get; }
}
