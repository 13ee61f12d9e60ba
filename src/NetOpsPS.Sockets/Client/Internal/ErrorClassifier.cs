using System;
using System.IO;
using System.Net.Sockets;
using NetOpsPS.Sockets.Framing;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace NetOpsPS.Sockets.Client.Internal;

/// <summary>Turns what sockets, Polly and the codecs throw into the session's error kinds and a short reason.</summary>
internal static class ErrorClassifier
{
    public static TcpClientErrorKind Classify(Exception exception) => exception switch
    {
        TcpClientSessionException session => session.Kind,
        BrokenCircuitException => TcpClientErrorKind.BreakerOpen,
        TimeoutRejectedException => TcpClientErrorKind.ConnectTimeout,
        FramingException => TcpClientErrorKind.Framing,
        SocketException socket => Classify(socket.SocketErrorCode),
        IOException { InnerException: SocketException socket } => Classify(socket.SocketErrorCode),
        IOException or ObjectDisposedException => TcpClientErrorKind.Reset,
        _ => TcpClientErrorKind.Other,
    };

    public static TcpClientErrorKind Classify(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => TcpClientErrorKind.Refused,
        SocketError.TimedOut => TcpClientErrorKind.ConnectTimeout,
        SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown
            or SocketError.NotConnected or SocketError.OperationAborted => TcpClientErrorKind.Reset,
        SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.NetworkDown
            or SocketError.AddressNotAvailable => TcpClientErrorKind.Unreachable,
        SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData => TcpClientErrorKind.NameResolution,
        _ => TcpClientErrorKind.Other,
    };

    /// <summary>The message of the exception that says most: the socket's own words rather than a wrapper's.</summary>
    public static string Reason(Exception exception) => exception switch
    {
        IOException { InnerException: SocketException socket } => socket.Message,
        BrokenCircuitException => "the circuit breaker is open",
        TimeoutRejectedException => "the connect timed out",
        _ => exception.Message,
    };
}
