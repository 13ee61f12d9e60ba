using System;
using System.Net;
using System.Net.Sockets;
using NetOpsPS.Sockets.Client;
using NetOpsPS.Sockets.Framing;

namespace NetOpsPS.Sockets.Tests.Client;

/// <summary>Session options the tests start from: line framing and short delays, so a test spends its time on behaviour.</summary>
internal static class ClientOptions
{
    public static TcpClientSessionOptions For(int port, string host = "127.0.0.1", int maxLineLength = 1024) => new()
    {
        Host = host,
        Port = port,
        Framing = new LineFramingOptions(maxLineLength),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        ReadTimeout = TimeSpan.FromSeconds(5),
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        RetryMaxDelay = TimeSpan.FromMilliseconds(50),
        MaxRetryAttempts = 2,
    };

    /// <summary>A loopback port nothing listens on (bound for a moment by the kernel's choice, then freed).</summary>
    public static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
