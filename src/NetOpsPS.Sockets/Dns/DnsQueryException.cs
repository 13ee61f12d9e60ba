using System;

namespace NetOpsPS.Sockets.DnsTools;

/// <summary>A query that got no usable response; <see cref="Error"/> says why.</summary>
public sealed class DnsQueryException : Exception
{
    /// <summary>Creates an exception with a code and a message.</summary>
    public DnsQueryException(DnsQueryError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
    }

    /// <summary>Creates an unclassified exception.</summary>
    public DnsQueryException() : this(DnsQueryError.Unknown, "DNS query failed.") { }

    /// <summary>Creates an unclassified exception with a message.</summary>
    public DnsQueryException(string message) : this(DnsQueryError.Unknown, message) { }

    /// <summary>Creates an unclassified exception with a message and its cause.</summary>
    public DnsQueryException(string message, Exception innerException) : this(DnsQueryError.Unknown, message, innerException) { }

    /// <summary>The error code.</summary>
    public DnsQueryError Error { get; }
}
