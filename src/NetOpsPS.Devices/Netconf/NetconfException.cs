using System;

namespace NetOpsPS.Devices.Netconf;

/// <summary>A NETCONF session failure with an error code; never carries credentials.</summary>
public class NetconfException : Exception
{
    /// <summary>Creates an exception with a code and a message.</summary>
    public NetconfException(NetconfError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
    }

    /// <summary>Creates an unclassified exception.</summary>
    public NetconfException() : this(NetconfError.Unknown, "NETCONF error.") { }

    /// <summary>Creates an unclassified exception with a message.</summary>
    public NetconfException(string message) : this(NetconfError.Unknown, message) { }

    /// <summary>Creates an unclassified exception with a message and its cause.</summary>
    public NetconfException(string message, Exception innerException) : this(NetconfError.Unknown, message, innerException) { }

    /// <summary>The error code.</summary>
    public NetconfError Error { get; }
}
