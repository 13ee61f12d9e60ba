using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Internal.Linux;
using NetOpsPS.Tests.Shared;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Load;

/// <summary>
/// The load driver's connect on the epoll poller, against real listeners: it must end with the socket in no
/// epoll instance at all, where .NET's async connect leaves it in .NET's own engine for good.
/// </summary>
public sealed class EpollConnectTests
{
    private static readonly TimeSpan s_backstop = TimeSpan.FromSeconds(15);

    private static EpollPoller Poller => EpollPoller.Shared ?? throw new InvalidOperationException("no epoll poller on this machine");

    [Fact]
    public async Task AConnectedSocketIsInNoEpollWhileAnAsyncReceiveRegistersOneWithDotNet()
    {
        using Socket listener = Listen(out IPEndPoint endPoint);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await Poller.ConnectAsync(socket, endPoint, CancellationToken.None).WaitAsync(s_backstop);
        using Socket accepted = await listener.AcceptAsync().WaitAsync(s_backstop);

        Assert.Equal(0, EpollsHolding(socket));
        Assert.Equal(1, socket.Send(new byte[] { 42 }));
        Assert.Equal(42, await ReadByteAsync(accepted));

        // The control: the same check sees .NET's registration once a receive has to wait.
        using var other = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await other.ConnectAsync(endPoint).WaitAsync(s_backstop);
        Task<int> pending = other.ReceiveAsync(new byte[1], SocketFlags.None);
        Assert.False(pending.IsCompleted);
        Assert.Equal(1, EpollsHolding(other));
    }

    [Fact]
    public async Task AConnectThatMustWaitCompletesWhenTheListenerMakesRoom()
    {
        using FullBacklogListener full = await FullBacklogListener.StartAsync();
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        Task connect = Poller.ConnectAsync(socket, new IPEndPoint(IPAddress.Loopback, full.Port), CancellationToken.None);

        // The SYN was dropped (full queue): nothing can complete before its retransmission, a second away.
        Assert.False(connect.IsCompleted);
        Assert.Equal(1, EpollsHolding(socket));
        full.StartAccepting();
        await connect.WaitAsync(s_backstop);

        Assert.Equal(0, EpollsHolding(socket));
        Assert.Equal(1, socket.Send(new byte[] { 1 }));
    }

    [Fact]
    public async Task CancellingAWaitingConnectThrowsAndLeavesThePoller()
    {
        using FullBacklogListener full = await FullBacklogListener.StartAsync();
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var cancel = new CancellationTokenSource();
        Task connect = Poller.ConnectAsync(socket, new IPEndPoint(IPAddress.Loopback, full.Port), cancel.Token);
        Assert.False(connect.IsCompleted);

        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connect.WaitAsync(s_backstop));
        Assert.Equal(0, EpollsHolding(socket));
    }

    [Fact]
    public async Task ARefusedConnectThrowsConnectionRefused()
    {
        // Bound but not listening: every connect to it is refused.
        using var closed = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        closed.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        SocketException refused = await Assert.ThrowsAsync<SocketException>(
            () => Poller.ConnectAsync(socket, (IPEndPoint)closed.LocalEndPoint!, CancellationToken.None).WaitAsync(s_backstop));

        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        Assert.Equal(0, EpollsHolding(socket));
    }

    private static Socket Listen(out IPEndPoint endPoint)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(16);
        endPoint = (IPEndPoint)listener.LocalEndPoint!;
        return listener;
    }

    private static async Task<int> ReadByteAsync(Socket socket)
    {
        var buffer = new byte[1];
        int got = await socket.ReceiveAsync(buffer, SocketFlags.None).WaitAsync(s_backstop);
        return got == 1 ? buffer[0] : -1;
    }

    /// <summary>How many epoll instances of this process watch <paramref name="socket"/> (the "tfd:" lines of /proc/self/fdinfo).</summary>
    private static int EpollsHolding(Socket socket)
    {
        string fd = ((int)socket.Handle).ToString(System.Globalization.CultureInfo.InvariantCulture);
        int holding = 0;
        foreach ((string epoll, string target) in OwnDescriptors.All())
        {
            if (target != "anon_inode:[eventpoll]")
            {
                continue;
            }

            string info;
            try
            {
                info = File.ReadAllText("/proc/self/fdinfo/" + epoll);
            }
            catch (IOException)
            {
                // Closed meanwhile (another test's epoll).
                continue;
            }

            foreach (string line in info.Split('\n'))
            {
                string[] fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 1 && fields[0] == "tfd:" && fields[1] == fd)
                {
                    holding++;
                }
            }
        }

        return holding;
    }
}
