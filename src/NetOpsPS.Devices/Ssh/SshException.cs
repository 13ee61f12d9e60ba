using System;

namespace NetOpsPS.Devices.Ssh;

/// <summary>An SSH failure with an error code; never carries a password or key material.</summary>
public sealed class SshException : Exception
{
    /// <summary>Creates an exception with a code and a message.</summary>
    public SshException(SshError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
    }

    /// <summary>Creates an unclassified exception.</summary>
    public SshException() : this(SshError.Unknown, "SSH error.") { }

    /// <summary>Creates an unclassified exception with a message.</summary>
    public SshException(string message) : this(SshError.Unknown, message) { }

    /// <summary>Creates an unclassified exception with a message and its cause.</summary>
    public SshException(string message, Exception innerException) : this(SshError.Unknown, message, innerException) { }

    /// <summary>The error code.</summary>
    public SshError Error { get; }

    /// <summary>The key the server presented, for host key errors.</summary>
    public SshHostKey? HostKey { get; init; }
}
