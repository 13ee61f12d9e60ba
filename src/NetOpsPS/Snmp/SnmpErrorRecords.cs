using System;
using System.Management.Automation;
using NetOpsPS.Devices.Snmp;
using NetOpsPS.Internal;

namespace NetOpsPS.Snmp;

/// <summary>
/// SNMP engine failures as ErrorRecords: the id is Snmp plus the error (SnmpTimeout, SnmpWrongDigest...), and for
/// an agent's error-status Snmp plus the status (SnmpNoAccess, SnmpNotWritable); the target is "host:port".
/// </summary>
internal static class SnmpErrorRecords
{
    public static ErrorRecord From(Exception exception, object? target) => exception switch
    {
        SnmpException ex => new ErrorRecord(ex, Id(ex), Category(ex), ex.Target ?? target),
        ArgumentException ex => new ErrorRecord(ex, "SnmpInvalidArgument", ErrorCategory.InvalidArgument, target),
        NotSupportedException ex => new ErrorRecord(ex, "SnmpNotSupported", ErrorCategory.InvalidOperation, target),
        _ => ErrorRecords.Unexpected(exception, "Snmp", target),
    };

    private static string Id(SnmpException ex) => ex.Error == SnmpError.AgentError ? "Snmp" + ex.ErrorStatus : "Snmp" + ex.Error;

    private static ErrorCategory Category(SnmpException ex) => ex.Error switch
    {
        SnmpError.Timeout => ErrorCategory.OperationTimeout,
        SnmpError.UnknownUserName or SnmpError.WrongDigest or SnmpError.UnsupportedSecurityLevel or SnmpError.DecryptionError => ErrorCategory.AuthenticationError,
        SnmpError.NotInTimeWindow or SnmpError.UnknownEngineId or SnmpError.Report or SnmpError.MalformedResponse or SnmpError.OidNotIncreasing => ErrorCategory.ProtocolError,
        SnmpError.NameResolution => ErrorCategory.ObjectNotFound,
        SnmpError.Network => ErrorCategory.ConnectionError,
        SnmpError.AgentError => ex.ErrorStatus switch
        {
            SnmpErrorStatus.NoAccess or SnmpErrorStatus.AuthorizationError or SnmpErrorStatus.NotWritable or SnmpErrorStatus.ReadOnly => ErrorCategory.PermissionDenied,
            SnmpErrorStatus.NoSuchName => ErrorCategory.ObjectNotFound,
            SnmpErrorStatus.WrongType or SnmpErrorStatus.WrongLength or SnmpErrorStatus.WrongEncoding or SnmpErrorStatus.WrongValue
                or SnmpErrorStatus.BadValue or SnmpErrorStatus.InconsistentValue or SnmpErrorStatus.InconsistentName => ErrorCategory.InvalidArgument,
            SnmpErrorStatus.TooBig or SnmpErrorStatus.ResourceUnavailable => ErrorCategory.LimitsExceeded,
            _ => ErrorCategory.InvalidResult,
        },
        _ => ErrorCategory.NotSpecified,
    };
}
