using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace NetOpsPS.Bench.Tcp;

/// <summary>
/// A server under test in its own process: started, known ready (its "listening &lt;endpoint&gt;"
/// line, or a port that accepts), measured through /proc, and always stopped with every process
/// it forked (socat forks one per connection).
/// </summary>
internal sealed class PeerProcess : IAsyncDisposable
{
    /// <summary>Runs socket continuations on the epoll thread (.NET reads it once, from the environment only).</summary>
    public const string DriverInlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    private static readonly TimeSpan s_readyTimeout = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly Queue<string> _stderrTail = new();
    private Task _drain = Task.CompletedTask;

    private PeerProcess(string name, string replyPrefix, Process process)
    {
        Name = name;
        ReplyPrefix = replyPrefix;
        _process = process;
        EndPoint = new IPEndPoint(IPAddress.Loopback, 0);
    }

    public string Name { get; }

    public string ReplyPrefix { get; }

    public IPEndPoint EndPoint { get; private set; }

    public int Pid => _process.Id;

    /// <summary>The command line, for the report.</summary>
    public string CommandLine { get; private set; } = "";

    /// <summary>Starts a server that prints "listening &lt;endpoint&gt;" on stdout when it accepts.</summary>
    public static async Task<PeerProcess> StartAnnouncedAsync(
        string name, string replyPrefix, string file, IReadOnlyList<string> arguments, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        PeerProcess peer = Start(name, replyPrefix, file, arguments, environment);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(s_readyTimeout);
            while (true)
            {
                string? line = await peer._process.StandardOutput.ReadLineAsync(deadline.Token)
                    ?? throw new InvalidOperationException($"{name} exited before it was ready: {peer.StderrTail}");
                if (line.StartsWith("listening ", StringComparison.Ordinal))
                {
                    peer.EndPoint = IPEndPoint.Parse(line["listening ".Length..].Trim());
                    break;
                }
            }

            peer._drain = peer._process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
            return peer;
        }
        catch
        {
            await peer.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a server told its port, ready once a connect to it succeeds.</summary>
    public static async Task<PeerProcess> StartOnPortAsync(string name, string replyPrefix, string file, IReadOnlyList<string> arguments, IPEndPoint endPoint, CancellationToken cancellationToken)
    {
        PeerProcess peer = Start(name, replyPrefix, file, arguments, null);
        peer.EndPoint = endPoint;
        peer._drain = peer._process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
        try
        {
            long deadline = Stopwatch.GetTimestamp() + (long)(s_readyTimeout.TotalSeconds * Stopwatch.Frequency);
            while (true)
            {
                if (peer._process.HasExited)
                {
                    throw new InvalidOperationException($"{name} exited with {peer._process.ExitCode} before it was ready: {peer.StderrTail}");
                }

                using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    await probe.ConnectAsync(endPoint, cancellationToken);
                    return peer;
                }
                catch (SocketException) when (Stopwatch.GetTimestamp() < deadline)
                {
                    // Not listening yet: bounded by the deadline.
                    await Task.Delay(50, cancellationToken);
                }
            }
        }
        catch
        {
            await peer.DisposeAsync();
            throw;
        }
    }

    /// <summary>A loopback port free right now (the kernel's pick), for servers that must be told one.</summary>
    public static IPEndPoint FreeLoopbackEndPoint()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return (IPEndPoint)socket.LocalEndPoint!;
    }

    /// <summary>VmRSS of the server process, in KiB.</summary>
    public long ResidentKiB() => ProcFs.ResidentKiB(_process.Id);

    /// <summary>CPU seconds used by the server and every process it forked, and how many of those run now.</summary>
    public (double CpuSeconds, int Processes) Usage() => ProcFs.TreeUsage(_process.Id);

    public string StderrTail
    {
        get
        {
            lock (_stderrTail)
            {
                return string.Join(" | ", _stderrTail);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                // NetOpsPS's child stops when its stdin closes; the others are killed, forks included.
                _process.StandardInput.Close();
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                try
                {
                    await _process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync(CancellationToken.None);
                }
            }

            await _drain;
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static PeerProcess Start(string name, string replyPrefix, string file, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The driver's own socket tuning is not the servers': they run with the runtime's defaults unless told.
        start.Environment.Remove(DriverInlineCompletions);
        foreach ((string key, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var peer = new PeerProcess(name, replyPrefix, process);
        process.ErrorDataReceived += (_, e) => peer.KeepStderr(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"{name}: {file} did not start.");
        }

        process.BeginErrorReadLine();
        peer.CommandLine = string.Join(' ', [.. (environment ?? new Dictionary<string, string>()).Select(e => $"{e.Key}={e.Value}"), file, .. arguments]);
        return peer;
    }

    private void KeepStderr(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_stderrTail)
        {
            _stderrTail.Enqueue(line);
            while (_stderrTail.Count > 5)
            {
                _stderrTail.Dequeue();
            }
        }
    }
}
