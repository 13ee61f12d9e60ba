using System;

namespace NetOpsPS.Devices.Snmp;

/// <summary>An SNMP failure with an error code the cmdlet layer maps to an ErrorRecord id.</summary>
public sealed class SnmpException : Exception
{
    /// <summary>Creates an exception with a code and a message.</summary>
    public SnmpException(SnmpError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
    }

    /// <summary>Creates an unclassified exception.</summary>
    public SnmpException() : this(SnmpError.Unknown, "SNMP error.") { }

    /// <summary>Creates an unclassified exception with a message.</summary>
    public SnmpException(string message) : this(SnmpError.Unknown, message) { }

    /// <summary>Creates an unclassified exception with a message and its cause.</summary>
    public SnmpException(string message, Exception innerException) : this(SnmpError.Unknown, message, innerException) { }

    /// <summary>The error code.</summary>
    public SnmpError Error { get; }

    /// <summary>For <see cref="SnmpError.AgentError"/>: the error-status.</summary>
    public SnmpErrorStatus ErrorStatus { get; init; }

    /// <summary>For <see cref="SnmpError.AgentError"/>: the 1-based error-index, the varbind at fault (0: none).</summary>
    public int ErrorIndex { get; init; }

    /// <summary>The OID at fault: the varbind of an agent error, or the last OID a walk reached.</summary>
    public SnmpOid? Oid { get; init; }

    /// <summary>The agent ("127.0.0.1:161").</summary>
    public string? Target { get; init; }
}
