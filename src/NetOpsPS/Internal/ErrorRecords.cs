using System;
using System.Management.Automation;
using NetOpsPS.Sockets;
using NetOpsPS.Sockets.Client;

namespace NetOpsPS.Internal;

/// <summary>Builds ErrorRecords with stable PascalCase ids and real categories from engine exceptions.</summary>
internal static class ErrorRecords
{
    /// <summary>Maps a sockets engine failure: the id is <paramref name="idPrefix"/> plus the error code.</summary>
    public static ErrorRecord From(SocketsException ex, string idPrefix, object? target)
    {
        ErrorCategory category = ex.Error switch
        {
            SocketsError.AddressInUse => ErrorCategory.ResourceUnavailable,
            SocketsError.AddressNotAvailable => ErrorCategory.InvalidArgument,
            SocketsError.AccessDenied => ErrorCategory.PermissionDenied,
            SocketsError.InvalidArgument => ErrorCategory.InvalidArgument,
            SocketsError.InvalidState => ErrorCategory.InvalidOperation,
            _ => ErrorCategory.ConnectionError,
        };
        string suffix = ex.Error == SocketsError.Unknown ? "Failed" : ex.Error.ToString();
        return new ErrorRecord(ex, idPrefix + suffix, category, target);
    }

    /// <summary>Maps a client session failure: the id is TcpSession plus the kind (TcpSessionRefused, TcpSessionReceiveTimeout...).</summary>
    public static ErrorRecord From(TcpClientSessionException ex, object? target)
    {
        ErrorCategory category = ex.Kind switch
        {
            TcpClientErrorKind.ReceiveTimeout or TcpClientErrorKind.WriteTimeout or TcpClientErrorKind.ConnectTimeout => ErrorCategory.OperationTimeout,
            TcpClientErrorKind.BreakerOpen or TcpClientErrorKind.PoolExhausted => ErrorCategory.ResourceUnavailable,
            TcpClientErrorKind.Framing => ErrorCategory.InvalidData,
            TcpClientErrorKind.NotConnected => ErrorCategory.InvalidOperation,
            TcpClientErrorKind.NameResolution => ErrorCategory.ObjectNotFound,
            TcpClientErrorKind.Other => ErrorCategory.NotSpecified,
            _ => ErrorCategory.ConnectionError,
        };
        return new ErrorRecord(ex, "TcpSession" + ex.Kind, category, target);
    }

    /// <summary>An object named by the user does not exist.</summary>
    public static ErrorRecord NotFound(string id, string message, object target) =>
        new(new ItemNotFoundException(message), id, ErrorCategory.ObjectNotFound, target);

    /// <summary>An engine fault nobody expected: still an ErrorRecord, with the cause kept.</summary>
    public static ErrorRecord Unexpected(Exception ex, string id, object? target) =>
        ex switch
        {
            SocketsException socketsException => From(socketsException, id, target),
            TcpClientSessionException sessionException => From(sessionException, target),
            _ => new ErrorRecord(ex, id + "Failed", ErrorCategory.NotSpecified, target),
        };
}
