using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace NetOpsPS.Sockets.Tests.Load;

/// <summary>What a <see cref="ScriptedLineServer"/> does with one line.</summary>
public enum LineMove
{
    /// <summary>Answer with the reply the script built.</summary>
    Reply,

    /// <summary>Answer nothing and go on reading.</summary>
    Drop,

    /// <summary>Answer nothing and half-close (FIN), then read until the client closes.</summary>
    Close,

    /// <summary>Answer nothing and reset the connection (RST).</summary>
    Reset,
}

/// <summary>
/// A misbehaving line server on loopback, for the load driver's error paths: for every line a
/// connection sends, <c>script(connection, line number, line)</c> says what to do, and may change
/// the reply (prefix + line, terminator included) in place. Connections are numbered from 0 in
/// accept order and lines from 0 per connection.
/// </summary>
internal sealed class ScriptedLineServer : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly byte[] _prefix;
    private readonly Func<int, int, List<byte>, LineMove> _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<Task> _connections = new();
    private readonly Task _acceptLoop;

    private ScriptedLineServer(string prefix, Func<int, int, List<byte>, LineMove> script)
    {
        _prefix = System.Text.Encoding.UTF8.GetBytes(prefix);
        _script = script;
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(128);
        _acceptLoop = AcceptAsync();
    }

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndPoint!;

    /// <summary>Starts a server; the script gets the reply as a list it may edit.</summary>
    public static ScriptedLineServer Start(string prefix, Func<int, int, List<byte>, LineMove> script) => new(prefix, script);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        await _acceptLoop;
        await Task.WhenAll(_connections);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        int next = 0;
        while (true)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            client.NoDelay = true;
            _connections.Add(ServeAsync(client, next++));
        }
    }

    private async Task ServeAsync(Socket client, int connection)
    {
        var line = new List<byte>();
        var replies = new List<byte>();
        byte[] buffer = new byte[8192];
        int lineNumber = 0;
        try
        {
            while (true)
            {
                int n = await client.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (n == 0)
                {
                    return;
                }

                for (int i = 0; i < n; i++)
                {
                    line.Add(buffer[i]);
                    if (buffer[i] != (byte)'\n')
                    {
                        continue;
                    }

                    var reply = new List<byte>(_prefix);
                    reply.AddRange(line);
                    line.Clear();
                    switch (_script(connection, lineNumber++, reply))
                    {
                        case LineMove.Reply:
                            replies.AddRange(reply);
                            break;
                        case LineMove.Drop:
                            break;
                        case LineMove.Close:
                            await SendAsync(client, replies);
                            client.Shutdown(SocketShutdown.Send);
                            while (await client.ReceiveAsync(buffer, SocketFlags.None, _stop.Token) > 0)
                            {
                            }

                            return;
                        case LineMove.Reset:
                            client.LingerState = new LingerOption(true, 0);
                            return;
                    }
                }

                await SendAsync(client, replies);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The client went away or the test is over.
        }
        finally
        {
            client.Dispose();
        }
    }

    private static async Task SendAsync(Socket client, List<byte> replies)
    {
        if (replies.Count == 0)
        {
            return;
        }

        byte[] data = replies.ToArray();
        replies.Clear();
        int sent = 0;
        while (sent < data.Length)
        {
            sent += await client.SendAsync(data.AsMemory(sent), SocketFlags.None);
        }
    }
}
