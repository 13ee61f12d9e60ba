using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using NetOpsPS.Devices.Netconf;
using NetOpsPS.Devices.Ssh;
using NetOpsPS.Ssh;

namespace NetOpsPS.Netconf;

/// <summary>
/// ErrorRecords for NETCONF failures. rpc-errors: NetconfRpc plus the error-tag in PascalCase (NetconfRpcLockDenied,
/// NetconfRpcInvalidValue), the typed errors in the exception's Errors. Session failures: Netconf plus the code.
/// </summary>
internal static class NetconfErrors
{
    public static ErrorRecord From(Exception ex, object? target) => ex switch
    {
        NetconfRpcException rpc => FromRpc(rpc, target),
        NetconfException session => FromSession(session, target),
        SshException ssh => SshErrors.From(ssh, target),
        _ => new ErrorRecord(ex, "NetconfFailed", ErrorCategory.NotSpecified, target),
    };

    private static ErrorRecord FromRpc(NetconfRpcException ex, object? target)
    {
        string tag = ex.Tag;
        ErrorCategory category = tag switch
        {
            "lock-denied" or "in-use" => ErrorCategory.ResourceBusy,
            "access-denied" => ErrorCategory.PermissionDenied,
            "data-exists" => ErrorCategory.ResourceExists,
            "data-missing" => ErrorCategory.ObjectNotFound,
            "operation-not-supported" => ErrorCategory.NotImplemented,
            "resource-denied" => ErrorCategory.ResourceUnavailable,
            "invalid-value" or "too-big" or "missing-attribute" or "bad-attribute" or "unknown-attribute" or "missing-element"
                or "bad-element" or "unknown-element" or "unknown-namespace" or "malformed-message" => ErrorCategory.InvalidData,
            _ => ErrorCategory.InvalidOperation,
        };
        string id = "NetconfRpc" + (tag.Length == 0 ? "Error" : string.Concat(tag.Split('-').Select(p => p.Length == 0 ? p : char.ToUpper(p[0], CultureInfo.InvariantCulture) + p[1..])));
        return new ErrorRecord(ex, id, category, target);
    }

    private static ErrorRecord FromSession(NetconfException ex, object? target)
    {
        ErrorCategory category = ex.Error switch
        {
            NetconfError.Framing or NetconfError.MalformedXml => ErrorCategory.InvalidData,
            NetconfError.Hello => ErrorCategory.ProtocolError,
            NetconfError.Timeout => ErrorCategory.OperationTimeout,
            NetconfError.ConnectionLost => ErrorCategory.ConnectionError,
            NetconfError.SubsystemRefused => ErrorCategory.ResourceUnavailable,
            NetconfError.CapabilityMissing => ErrorCategory.NotImplemented,
            NetconfError.InvalidArgument => ErrorCategory.InvalidArgument,
            NetconfError.NotConnected => ErrorCategory.InvalidOperation,
            _ => ErrorCategory.NotSpecified,
        };
        return new ErrorRecord(ex, "Netconf" + (ex.Error == NetconfError.Unknown ? "Failed" : ex.Error.ToString()), category, target);
    }
}
