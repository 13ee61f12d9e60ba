using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace NetOpsPS.Bench.Tcp;

/// <summary>
/// Many open, idle connections to one server: each is opened, trades one line (so the server has
/// set up all it keeps per connection), and then stays silent until disposed.
/// </summary>
internal sealed class IdleConnections : IDisposable
{
    private const int ConnectConcurrency = 256;

    private readonly Socket?[] _sockets;

    private IdleConnections(Socket?[] sockets) => _sockets = sockets;

    public int Count => _sockets.Length;

    public static async Task<IdleConnections> OpenAsync(IPEndPoint server, int count, string replyPrefix, CancellationToken cancellationToken)
    {
        var sockets = new Socket?[count];
        var idle = new IdleConnections(sockets);
        using var slots = new SemaphoreSlim(ConnectConcurrency);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
            {
                await slots.WaitAsync(cancellationToken);
                try
                {
                    sockets[i] = await OpenOneAsync(server, i, replyPrefix, cancellationToken);
                }
                finally
                {
                    slots.Release();
                }
            }));
            return idle;
        }
        catch
        {
            idle.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (Socket? socket in _sockets)
        {
            socket?.Dispose();
        }
    }

    private static async Task<Socket> OpenOneAsync(IPEndPoint server, int index, string replyPrefix, CancellationToken cancellationToken)
    {
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(TimeSpan.FromSeconds(20));
            await socket.ConnectAsync(server, deadline.Token);
            byte[] line = Encoding.ASCII.GetBytes($"idle {index}\n");
            byte[] expected = Encoding.ASCII.GetBytes($"{replyPrefix}idle {index}\n");
            await socket.SendAsync(line, SocketFlags.None, deadline.Token);
            byte[] reply = new byte[expected.Length];
            int read = 0;
            while (read < reply.Length)
            {
                int n = await socket.ReceiveAsync(reply.AsMemory(read), SocketFlags.None, deadline.Token);
                if (n == 0)
                {
                    throw new InvalidOperationException($"idle connection {index}: the server closed it after {read} bytes");
                }

                read += n;
            }

            if (!reply.AsSpan().SequenceEqual(expected))
            {
                throw new InvalidOperationException($"idle connection {index}: wrong reply '{Encoding.ASCII.GetString(reply)}'");
            }

            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
