using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Load;
using NetOpsPS.Tests.Shared;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Load;

public sealed class TcpLoadDriverTests
{
    // Every run below is bounded by its request count; this duration is only the backstop.
    private static readonly TimeSpan s_backstop = TimeSpan.FromSeconds(30);

    public enum Damage
    {
        Flip,
        Insert,
        Remove,
    }

    [Fact]
    public async Task PingPongAgainstTheEchoServerCountsEveryRequestWithoutErrors()
    {
        await using var server = TcpEchoServer.Start(new TcpEchoServerOptions());
        TcpLoadResult result = await RunAsync(Bounded(server.LocalEndPoint, 2_000, o =>
        {
            o.Connections = 4;
            o.PayloadSize = 32;
        }));

        Assert.True(result.Succeeded, string.Join("; ", result.ErrorMessages));
        Assert.Equal(2_000, result.RequestsCompleted);
        Assert.Equal(4, result.ConnectionsOpened);
        Assert.Equal(TcpLoadMode.PingPong, result.Mode);
        Assert.Equal(1, result.PipelineDepth);
        Assert.Equal(2_000L * 33, result.BytesSent);
        Assert.Equal(2_000L * ("Echo: ".Length + 33), result.BytesReceived);
        Assert.All(Enum.GetValues<TcpLoadErrorKind>(), kind => Assert.Equal(0, result.Errors[kind]));
        Assert.Empty(result.ErrorMessages);
        Assert.True(result.Duration > TimeSpan.Zero);
        Assert.True(result.RequestsPerSecond > 0);
        Assert.True(result.LatencyP50 > TimeSpan.Zero);
        Assert.True(result.LatencyP50 <= result.LatencyP90);
        Assert.True(result.LatencyP90 <= result.LatencyP99);
        Assert.True(result.LatencyP99 <= result.LatencyP999);
        Assert.True(result.LatencyP999 <= result.LatencyMax);
        Assert.Equal(server.LocalEndPoint, result.RemoteEndPoint);
    }

    [Theory]
    [InlineData(1, 64, 2, 20_000)]
    [InlineData(200, 32, 3, 30_000)]
    [InlineData(5_000, 8, 2, 2_000)]
    public async Task PipelinedAgainstTheEchoServerCountsEveryRequestWithoutErrors(int payload, int depth, int connections, int requests)
    {
        await using var server = TcpEchoServer.Start(new TcpEchoServerOptions());
        TcpLoadResult result = await RunAsync(Bounded(server.LocalEndPoint, requests, o =>
        {
            o.Mode = TcpLoadMode.Pipelined;
            o.PipelineDepth = depth;
            o.Connections = connections;
            o.PayloadSize = payload;
        }));

        Assert.True(result.Succeeded, string.Join("; ", result.ErrorMessages));
        Assert.Equal(requests, result.RequestsCompleted);
        Assert.Equal(depth, result.PipelineDepth);
        Assert.Equal((long)requests * (payload + 1), result.BytesSent);
        Assert.True(result.MegabytesPerSecond > 0);
    }

    [Theory]
    [InlineData(false, TcpLoadMode.PingPong)]
    [InlineData(true, TcpLoadMode.PingPong)]
    [InlineData(false, TcpLoadMode.Pipelined)]
    [InlineData(true, TcpLoadMode.Pipelined)]
    public async Task BothReadinessPathsVerifyEveryReplyLoseNoneAndReportHangUps(bool portable, TcpLoadMode mode)
    {
        // Epoll loops on Linux, async socket operations elsewhere: the same run must give the same counts.
        // Large pipelined batches make the driver's sends block while it keeps reading replies.
        await using var server = TcpEchoServer.Start(new TcpEchoServerOptions());
        TcpLoadResult result = await RunAsync(Bounded(server.LocalEndPoint, 6_000, o =>
        {
            o.PortableIo = portable;
            o.Mode = mode;
            o.PipelineDepth = 256;
            o.Connections = 3;
            o.PayloadSize = 2_000;
        }));
        Assert.True(result.Succeeded, string.Join("; ", result.ErrorMessages));
        Assert.Equal(6_000, result.RequestsCompleted);
        Assert.Equal(6_000L * ("Echo: ".Length + 2_001), result.BytesReceived);

        await using ScriptedLineServer hangsUp = ScriptedLineServer.Start("Echo: ", (connection, line, _) =>
            connection == 0 && line == 2 ? LineMove.Reset : connection == 1 && line == 3 ? LineMove.Drop : LineMove.Reply);
        TcpLoadResult broken = await RunAsync(Bounded(hangsUp.EndPoint, 300, o =>
        {
            o.PortableIo = portable;
            o.Connections = 2;
            o.ReplyTimeout = TimeSpan.FromMilliseconds(300);
        }));
        // One connection is reset at its third line, the other never gets its fourth reply.
        Assert.Equal(1, broken.Errors[TcpLoadErrorKind.Reset]);
        Assert.Equal(1, broken.TimeoutErrors);
        Assert.Equal(2 + 3, broken.RequestsCompleted);
    }

    [Fact]
    public async Task APlainEchoNeedsAnEmptyPrefixAndEveryReplyIsCorruptedWithoutIt()
    {
        await using ScriptedLineServer plain = ScriptedLineServer.Start("", (_, _, _) => LineMove.Reply);

        TcpLoadResult matching = await RunAsync(Bounded(plain.EndPoint, 300, o => o.ReplyPrefix = ""));
        Assert.True(matching.Succeeded, string.Join("; ", matching.ErrorMessages));
        Assert.Equal(300, matching.RequestsCompleted);

        TcpLoadResult expectingPrefix = await RunAsync(Bounded(plain.EndPoint, 50));
        Assert.Equal(50, expectingPrefix.CorruptedReplies);
        Assert.Equal(0, expectingPrefix.RequestsCompleted);
        Assert.Equal(50, expectingPrefix.TotalErrors);
        string message = Assert.Single(expectingPrefix.ErrorMessages);
        Assert.StartsWith("CorruptedReply: connection 0, reply 0: byte 0 is '0', expected 'E'", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TcpLoadMode.PingPong, Damage.Flip)]
    [InlineData(TcpLoadMode.PingPong, Damage.Insert)]
    [InlineData(TcpLoadMode.PingPong, Damage.Remove)]
    [InlineData(TcpLoadMode.Pipelined, Damage.Flip)]
    [InlineData(TcpLoadMode.Pipelined, Damage.Insert)]
    [InlineData(TcpLoadMode.Pipelined, Damage.Remove)]
    public async Task EveryCorruptedReplyIsCountedOnceAndTheNextOnesStillVerify(TcpLoadMode mode, Damage damage)
    {
        int linesSeen = 0;
        await using ScriptedLineServer server = ScriptedLineServer.Start("Echo: ", (_, line, reply) =>
        {
            Interlocked.Increment(ref linesSeen);
            if (line % 4 == 3)
            {
                int at = "Echo: ".Length + 10;
                switch (damage)
                {
                    case Damage.Flip:
                        reply[at] ^= 0x01;
                        break;
                    case Damage.Insert:
                        reply.Insert(at, (byte)'#');
                        break;
                    case Damage.Remove:
                        reply.RemoveAt(at);
                        break;
                }
            }

            return LineMove.Reply;
        });

        TcpLoadResult result = await RunAsync(Bounded(server.EndPoint, 400, o =>
        {
            o.Mode = mode;
            o.PipelineDepth = 16;
            o.Connections = 2;
            o.PayloadSize = 32;
        }));

        // 200 lines a connection, every fourth damaged: 50 each; a reply counts once, good or bad.
        Assert.Equal(100, result.CorruptedReplies);
        Assert.Equal(300, result.RequestsCompleted);
        Assert.Equal(100, result.TotalErrors);
        Assert.Equal(400, Volatile.Read(ref linesSeen));
        Assert.Contains(result.ErrorMessages, m => m.StartsWith("CorruptedReply: ", StringComparison.Ordinal) && m.Contains("reply 3: byte 16", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ALostPingPongReplyIsATimeoutAndClosesThatConnection()
    {
        await using ScriptedLineServer server = ScriptedLineServer.Start("Echo: ", (_, line, _) => line == 3 ? LineMove.Drop : LineMove.Reply);
        TcpLoadResult result = await RunAsync(Bounded(server.EndPoint, 10, o => o.ReplyTimeout = TimeSpan.FromMilliseconds(300)));

        Assert.Equal(3, result.RequestsCompleted);
        Assert.Equal(1, result.TimeoutErrors);
        Assert.Equal(1, result.TotalErrors);
        Assert.Contains("Timeout: connection 0: nothing received for 0.3 s with 1 replies owed; closed", result.ErrorMessages);
    }

    [Fact]
    public async Task ALostPipelinedReplyShiftsTheRestSoEachIsCorruptedAndTheLastOwedTimesOut()
    {
        await using ScriptedLineServer server = ScriptedLineServer.Start("Echo: ", (_, line, _) => line == 5 ? LineMove.Drop : LineMove.Reply);
        TcpLoadResult result = await RunAsync(Bounded(server.EndPoint, 20, o =>
        {
            o.Mode = TcpLoadMode.Pipelined;
            o.PipelineDepth = 4;
            o.ReplyTimeout = TimeSpan.FromMilliseconds(300);
        }));

        // Replies 6..19 arrive where 5..18 are expected; the 20th reply owed never comes.
        Assert.Equal(5, result.RequestsCompleted);
        Assert.Equal(14, result.CorruptedReplies);
        Assert.Equal(1, result.TimeoutErrors);
        Assert.Equal(15, result.TotalErrors);
    }

    [Theory]
    [InlineData(LineMove.Close, TcpLoadErrorKind.ClosedEarly, "the server closed its side with 1 replies owed")]
    [InlineData(LineMove.Reset, TcpLoadErrorKind.Reset, "ConnectionReset")]
    public async Task AServerThatHangsUpGivesOneErrorPerConnection(LineMove hangUp, TcpLoadErrorKind kind, string message)
    {
        await using ScriptedLineServer server = ScriptedLineServer.Start("Echo: ", (_, line, _) => line == 2 ? hangUp : LineMove.Reply);
        TcpLoadResult result = await RunAsync(Bounded(server.EndPoint, 300, o => o.Connections = 3));

        Assert.Equal(6, result.RequestsCompleted);
        Assert.Equal(3, result.Errors[kind]);
        Assert.Equal(3, result.TotalErrors);
        Assert.Contains(result.ErrorMessages, m => m.StartsWith($"{kind}: ", StringComparison.Ordinal) && m.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AClosedPortGivesOneConnectErrorPerConnection()
    {
        // Bound but not listening: the port stays ours, and every connect to it is refused.
        using var closed = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        closed.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        TcpLoadResult result = await RunAsync(Bounded((IPEndPoint)closed.LocalEndPoint!, 100, o => o.Connections = 3));

        Assert.Equal(3, result.ConnectErrors);
        Assert.Equal(3, result.TotalErrors);
        Assert.Equal(0, result.ConnectionsOpened);
        Assert.Equal(0, result.RequestsCompleted);
        Assert.False(result.Succeeded);
        Assert.Contains(result.ErrorMessages, m => m.StartsWith("ConnectFailed: ", StringComparison.Ordinal) && m.Contains("ConnectionRefused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASilentPortGivesConnectErrorsAfterTheConnectTimeout()
    {
        using FullBacklogListener silent = await FullBacklogListener.StartAsync();
        TcpLoadResult result = await RunAsync(Bounded(new IPEndPoint(IPAddress.Loopback, silent.Port), 100, o =>
        {
            o.Connections = 2;
            o.ConnectTimeout = TimeSpan.FromMilliseconds(300);
        }));

        Assert.Equal(2, result.ConnectErrors);
        Assert.Equal(0, result.ConnectionsOpened);
        Assert.Contains(result.ErrorMessages, m => m.EndsWith("did not answer within 0.3 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AHostNameAndPortWorkLikeAnEndPoint()
    {
        await using var server = TcpEchoServer.Start(new TcpEchoServerOptions());
        TcpLoadOptions options = Bounded(server.LocalEndPoint, 100);
        options.EndPoint = null;
        options.Host = "localhost";
        options.Port = server.Port;
        TcpLoadResult result = await RunAsync(options);

        Assert.True(result.Succeeded, string.Join("; ", result.ErrorMessages));
        Assert.Equal($"localhost:{server.Port}", result.Target);
        Assert.Equal(server.LocalEndPoint, result.RemoteEndPoint);
    }

    [Fact]
    public async Task ARunBoundedByDurationStopsByItselfAndReportsItsPhases()
    {
        await using var server = TcpEchoServer.Start(new TcpEchoServerOptions());
        var progress = new ProgressLog();
        TcpLoadResult result = await TcpLoadDriver.RunAsync(
            new TcpLoadOptions
            {
                EndPoint = server.LocalEndPoint,
                Mode = TcpLoadMode.Pipelined,
                Connections = 2,
                WarmUp = TimeSpan.FromMilliseconds(100),
                Duration = TimeSpan.FromMilliseconds(300),
                ProgressInterval = TimeSpan.FromMinutes(1),
            },
            progress).WaitAsync(s_backstop);

        Assert.True(result.Succeeded, string.Join("; ", result.ErrorMessages));
        Assert.True(result.RequestsCompleted > 0);
        // Phase changes are reported as they happen, in order, whatever the interval.
        TcpLoadPhase[] phases = progress.Reports.Select(p => p.Phase).Distinct().ToArray();
        Assert.Equal(new[] { TcpLoadPhase.WarmUp, TcpLoadPhase.Measuring, TcpLoadPhase.Draining, TcpLoadPhase.Completed }, phases.Where(p => p != TcpLoadPhase.Connecting));
        TcpLoadProgress last = progress.Reports.Last();
        Assert.Equal(TcpLoadPhase.Completed, last.Phase);
        Assert.Equal(100, last.PercentComplete);
        Assert.Equal(result.RequestsCompleted, last.RequestsCompleted);
        Assert.Equal(0, last.ActiveConnections);
    }

    [Fact]
    public async Task CancellationStopsARunningLoadAndThrows()
    {
        await using var server = TcpEchoServer.Start(new TcpEchoServerOptions());
        using var cancel = new CancellationTokenSource();
        var progress = new ProgressLog(p =>
        {
            if (p.RequestsCompleted > 0)
            {
                cancel.Cancel();
            }
        });
        var options = new TcpLoadOptions
        {
            EndPoint = server.LocalEndPoint,
            Connections = 8,
            WarmUp = TimeSpan.Zero,
            Duration = TimeSpan.FromMinutes(10),
            ProgressInterval = TimeSpan.FromMilliseconds(20),
        };

        Task<TcpLoadResult> run = TcpLoadDriver.RunAsync(options, progress, cancel.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(s_backstop));
        Assert.Contains(progress.Reports, p => p.RequestsCompleted > 0);
    }

    [Fact]
    public async Task CancellationStopsARunStillConnecting()
    {
        using FullBacklogListener silent = await FullBacklogListener.StartAsync();
        using var cancel = new CancellationTokenSource();
        var progress = new ProgressLog(p =>
        {
            if (p.Phase == TcpLoadPhase.Connecting)
            {
                cancel.Cancel();
            }
        });
        var options = new TcpLoadOptions
        {
            EndPoint = new IPEndPoint(IPAddress.Loopback, silent.Port),
            ConnectTimeout = TimeSpan.FromMinutes(5),
            Duration = TimeSpan.FromMinutes(10),
            ProgressInterval = TimeSpan.FromMilliseconds(20),
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TcpLoadDriver.RunAsync(options, progress, cancel.Token).WaitAsync(s_backstop));
    }

    public static TheoryData<string> InvalidOptions => new()
    {
        "no target", "port 0", "connections 0", "duration 0", "negative requests", "depth 0", "payload 0", "prefix with LF", "negative warm-up",
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public async Task BadOptionsThrowBeforeAnyConnection(string what)
    {
        var options = new TcpLoadOptions { EndPoint = new IPEndPoint(IPAddress.Loopback, 9) };
        switch (what)
        {
            case "no target": options.EndPoint = null; break;
            case "port 0": options.EndPoint = null; options.Host = "127.0.0.1"; break;
            case "connections 0": options.Connections = 0; break;
            case "duration 0": options.Duration = TimeSpan.Zero; break;
            case "negative requests": options.Requests = -1; break;
            case "depth 0": options.PipelineDepth = 0; break;
            case "payload 0": options.PayloadSize = 0; break;
            case "prefix with LF": options.ReplyPrefix = "Echo:\n"; break;
            case "negative warm-up": options.WarmUp = TimeSpan.FromSeconds(-1); break;
        }

        SocketsException error = await Assert.ThrowsAsync<SocketsException>(() => TcpLoadDriver.RunAsync(options));
        Assert.Equal(SocketsError.InvalidArgument, error.Error);
    }

    private static TcpLoadOptions Bounded(IPEndPoint server, long requests, Action<TcpLoadOptions>? change = null)
    {
        var options = new TcpLoadOptions
        {
            EndPoint = server,
            Requests = requests,
            WarmUp = TimeSpan.Zero,
            Duration = s_backstop,
        };
        change?.Invoke(options);
        return options;
    }

    private static Task<TcpLoadResult> RunAsync(TcpLoadOptions options) =>
        TcpLoadDriver.RunAsync(options).WaitAsync(s_backstop + TimeSpan.FromSeconds(10));

    /// <summary>Records reports on the reporting thread (Progress&lt;T&gt; would post them to a context).</summary>
    private sealed class ProgressLog(Action<TcpLoadProgress>? onReport = null) : IProgress<TcpLoadProgress>
    {
        public ConcurrentQueue<TcpLoadProgress> Reports { get; } = new();

        public void Report(TcpLoadProgress value)
        {
            Reports.Enqueue(value);
            onReport?.Invoke(value);
        }
    }
}
