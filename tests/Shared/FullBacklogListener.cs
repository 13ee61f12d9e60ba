using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace NetOpsPS.Tests.Shared;

/// <summary>
/// A real slow peer on loopback: a listener with an accept queue of zero that never accepts.
/// Once its queue holds one connection, Linux drops further SYNs (tcp_conn_request: accept queue
/// full), so a connect to it hangs until the client gives up: a filtered port without any firewall.
/// </summary>
public sealed class FullBacklogListener : IDisposable
{
    private readonly Socket _listener;
    private readonly List<Socket> _fillers = new();
    private readonly List<Socket> _accepted = new();
    private bool _disposed;

    private FullBacklogListener(Socket listener) => _listener = listener;

    public int Port => ((IPEndPoint)_listener.LocalEndPoint!).Port;

    public static async Task<FullBacklogListener> StartAsync()
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(0);
        var full = new FullBacklogListener(listener);
        // Fill the queue: connects complete while there is room; the first one that cannot is the proof it is full.
        for (int i = 0; i < 8; i++)
        {
            var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            full._fillers.Add(filler);
            Task connect = filler.ConnectAsync(IPAddress.Loopback, full.Port);
            if (await Task.WhenAny(connect, Task.Delay(TimeSpan.FromMilliseconds(500))) != connect)
            {
                return full;
            }
        }

        full.Dispose();
        throw new InvalidOperationException("The accept queue never filled; this kernel does not drop SYNs on a full queue.");
    }

    /// <summary>
    /// Starts accepting: room in the queue frees, and the connects waiting on it complete when their SYN is
    /// sent again (the first retransmission comes after about a second).
    /// </summary>
    public void StartAccepting() => _ = Task.Run(async () =>
    {
        try
        {
            while (true)
            {
                Socket accepted = await _listener.AcceptAsync().ConfigureAwait(false);
                lock (_accepted)
                {
                    if (_disposed)
                    {
                        accepted.Dispose();
                        return;
                    }

                    _accepted.Add(accepted);
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Disposed.
        }
    });

    public void Dispose()
    {
        _listener.Dispose();
        lock (_accepted)
        {
            // A connection the accept loop still had in hand is closed there.
            _disposed = true;
            foreach (Socket accepted in _accepted)
            {
                accepted.Dispose();
            }
        }

        foreach (Socket filler in _fillers)
        {
            filler.Dispose();
        }
    }
}
