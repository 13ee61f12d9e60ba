using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace NetOpsPS.Host.Tests;

/// <summary>
/// netops running as a real process with its three streams redirected. Every wait is bounded:
/// on timeout the process tree is killed and the test fails with what netops printed so far.
/// </summary>
internal sealed class NetopsProcess : IDisposable
{
    /// <summary>Long enough for a cold engine start on a loaded CI machine; a hang still fails.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private const int SigInt = 2;

    private readonly Process _process;
    private readonly string _commandLine;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(string Text, TaskCompletionSource Seen)> _lineWaiters = new();

    private NetopsProcess(Process process, string commandLine)
    {
        _process = process;
        _commandLine = commandLine;
    }

    /// <summary>
    /// Starts netops. Stdin gets <paramref name="stdin"/> and is closed, unless
    /// <paramref name="keepStdinOpen"/>: then a netops that read it would block, which is how the
    /// prompt tests prove that nothing reads.
    /// </summary>
    public static NetopsProcess Start(
        IReadOnlyList<string> args,
        string? stdin = null,
        bool keepStdinOpen = false,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(NetopsBuild.HostPath)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("NETOPS_MODULE_PATH");
        info.Environment["DOTNET_ROOT"] = NetopsBuild.DotnetRoot;
        foreach ((string name, string? value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info };
        var netops = new NetopsProcess(process, "netops " + string.Join(' ', args));
        process.OutputDataReceived += (_, e) => netops.OnLine(e.Data, netops._stdout, netops._stdoutClosed, watch: true);
        process.ErrorDataReceived += (_, e) => netops.OnLine(e.Data, netops._stderr, netops._stderrClosed, watch: false);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }

        if (!keepStdinOpen)
        {
            process.StandardInput.Close();
        }

        return netops;
    }

    /// <summary>Runs netops to the end.</summary>
    public static Task<NetopsResult> RunAsync(params string[] args) => RunAsync(args, stdin: null);

    /// <summary>Runs netops to the end; the options are those of <see cref="Start"/>.</summary>
    public static async Task<NetopsResult> RunAsync(
        IReadOnlyList<string> args,
        string? stdin,
        bool keepStdinOpen = false,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        using NetopsProcess netops = Start(args, stdin, keepStdinOpen, environment);
        return await netops.WaitForExitAsync(DefaultTimeout);
    }

    /// <summary>What netops has printed on stdout so far.</summary>
    public string StdoutSoFar
    {
        get
        {
            lock (_gate)
            {
                return _stdout.ToString();
            }
        }
    }

    /// <summary>Closes netops's stdin: a script blocked reading it goes on.</summary>
    public void CloseStdin() => _process.StandardInput.Close();

    /// <summary>Completes when a stdout line contains <paramref name="text"/>; fails if netops ends first.</summary>
    public async Task WaitForStdoutAsync(string text, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_stdout.ToString().Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            _lineWaiters.Add((text, seen));
        }

        Task first;
        try
        {
            first = await Task.WhenAny(seen.Task, _stdoutClosed.Task).WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            first = Task.CompletedTask;
        }

        if (first != seen.Task)
        {
            Kill();
            throw new TimeoutException(
                $"{_commandLine}: stdout ended or {timeout.TotalSeconds}s passed without a line holding '{text}'."
                + $"{Environment.NewLine}{Snapshot()}");
        }
    }

    /// <summary>Ctrl+C: SIGINT, as a terminal sends it to the foreground process.</summary>
    public void Interrupt()
    {
        if (Kill(_process.Id, SigInt) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, SIGINT) failed: errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    /// <summary>Waits for netops to exit and for its streams to drain.</summary>
    public async Task<NetopsResult> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            await Task.WhenAll(_stdoutClosed.Task, _stderrClosed.Task).WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException(
                $"{_commandLine} did not exit within {timeout.TotalSeconds}s and was killed.{Environment.NewLine}{Snapshot()}");
        }

        lock (_gate)
        {
            return new NetopsResult(_process.ExitCode, _stdout.ToString(), _stderr.ToString(), _clock.Elapsed);
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    // POSIX kill(2). A DllImport rather than a LibraryImport, which would need unsafe code for one call.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }

    private void OnLine(string? line, StringBuilder buffer, TaskCompletionSource closed, bool watch)
    {
        if (line is null)
        {
            closed.TrySetResult();
            return;
        }

        lock (_gate)
        {
            buffer.Append(line).Append('\n');
            if (!watch)
            {
                return;
            }

            for (int i = _lineWaiters.Count - 1; i >= 0; i--)
            {
                if (line.Contains(_lineWaiters[i].Text, StringComparison.Ordinal))
                {
                    _lineWaiters[i].Seen.TrySetResult();
                    _lineWaiters.RemoveAt(i);
                }
            }
        }
    }

    private string Snapshot()
    {
        lock (_gate)
        {
            return $"--- stdout ---{Environment.NewLine}{_stdout}--- stderr ---{Environment.NewLine}{_stderr}";
        }
    }
}
