using System;
using System.Management.Automation;
using NetOpsPS.Internal;
using NetOpsPS.Sockets.DnsTools;

namespace NetOpsPS.DnsTools;

/// <summary>DNS engine failures as ErrorRecords with stable ids.</summary>
internal static class DnsErrorRecords
{
    public static ErrorRecord From(Exception ex, string name) => ex switch
    {
        DnsQueryException { Error: DnsQueryError.TimedOut } d => new ErrorRecord(d, "DnsQueryTimedOut", ErrorCategory.OperationTimeout, name),
        DnsQueryException { Error: DnsQueryError.Unreachable } d => new ErrorRecord(d, "DnsServerUnreachable", ErrorCategory.ConnectionError, name),
        DnsQueryException { Error: DnsQueryError.Malformed } d => new ErrorRecord(d, "DnsResponseMalformed", ErrorCategory.InvalidData, name),
        DnsQueryException { Error: DnsQueryError.InvalidName } d => new ErrorRecord(d, "DnsNameInvalid", ErrorCategory.InvalidArgument, name),
        DnsQueryException d => new ErrorRecord(d, "DnsQueryFailed", ErrorCategory.NotSpecified, name),
        _ => ErrorRecords.Unexpected(ex, "DnsQuery", name),
    };
}
