using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Devices.Ssh.Internal;
using Renci.SshNet;

namespace NetOpsPS.Devices.Ssh;

/// <summary>
/// An authenticated SSH connection to one device, for CLI commands over exec channels or one kept interactive shell.
/// Thread-safe: exec commands may run concurrently; shell commands take turns.
/// </summary>
public sealed class SshDeviceSession : IAsyncDisposable, IDisposable
{
    private static int s_lastId;
    private readonly SshClient _client;
    private readonly SshConnectionOptions _options;
    private readonly object _shellLock = new();
    private ShellDriver? _shell;
    private int _disposed;

    private SshDeviceSession(SshClient client, SshConnectionOptions options, SshHostKey hostKey, string? name)
    {
        _client = client;
        _options = options;
        HostKey = hostKey;
        Id = Interlocked.Increment(ref s_lastId);
        Name = name ?? string.Create(CultureInfo.InvariantCulture, $"ssh{Id}");
        ConnectedAt = DateTimeOffset.Now;
        ServerVersion = client.ConnectionInfo.ServerVersion ?? string.Empty;
        KeyExchange = client.ConnectionInfo.CurrentKeyExchangeAlgorithm ?? string.Empty;
    }

    /// <summary>Module-wide unique id.</summary>
    public int Id { get; }

    /// <summary>The name given at connect, or sshN.</summary>
    public string Name { get; }

    /// <summary>Host as given.</summary>
    public string HostName => _options.Host;

    /// <summary>SSH port.</summary>
    public int Port => _options.Port;

    /// <summary>Login name.</summary>
    public string UserName => _options.UserName;

    /// <summary>The server's host key, as verified.</summary>
    public SshHostKey HostKey { get; }

    /// <summary>The server's identification string (SSH-2.0-OpenSSH_9.2p1 ...).</summary>
    public string ServerVersion { get; }

    /// <summary>The key exchange negotiated (curve25519-sha256 ...): classical ECDH first, see SshConnector.PreferredKeyExchange.</summary>
    public string KeyExchange { get; }

    /// <summary>When the session was authenticated.</summary>
    public DateTimeOffset ConnectedAt { get; }

    /// <summary>True while the SSH connection is up.</summary>
    public bool IsConnected => Volatile.Read(ref _disposed) == 0 && _client.IsConnected;

    /// <summary>Connects, verifies the host key, and authenticates.</summary>
    public static async Task<SshDeviceSession> ConnectAsync(SshConnectionOptions options, string? name = null, CancellationToken cancellationToken = default)
    {
        var (client, key) = await SshConnector.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
        return new SshDeviceSession(client, options, key, name);
    }

    /// <summary>Runs one command and waits for its end (exec: the channel closes; shell: the prompt comes back).</summary>
    public async Task<SshCommandResult> RunCommandAsync(string command, SshCommandOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        options ??= new SshCommandOptions();
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var clock = Stopwatch.StartNew();
        try
        {
            return options.Mode == SshCommandMode.Shell
                ? await RunInShellAsync(command, options, clock, cancellationToken).ConfigureAwait(false)
                : await RunExecAsync(command, options, clock, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not SshException and not OperationCanceledException)
        {
            throw SshConnector.Classify(ex, _options);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _shell?.Dispose();
        _client.Dispose();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({UserName}@{HostName}:{Port})";

    private async Task<SshCommandResult> RunExecAsync(string command, SshCommandOptions options, Stopwatch clock, CancellationToken cancellationToken)
    {
        using SshCommand exec = _client.CreateCommand(command);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            await exec.ExecuteAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SshException(SshError.Timeout, $"{Name}: '{command}' did not finish within {options.Timeout.TotalSeconds:0.###} s.");
        }

        return new SshCommandResult
        {
            Device = Name,
            HostName = HostName,
            Command = command,
            Output = TerminalText.Clean(exec.Result).TrimEnd('\n'),
            ErrorOutput = TerminalText.Clean(exec.Error).TrimEnd('\n'),
            ExitStatus = exec.ExitStatus,
            Mode = SshCommandMode.Exec,
            Duration = clock.Elapsed,
        };
    }

    private async Task<SshCommandResult> RunInShellAsync(string command, SshCommandOptions options, Stopwatch clock, CancellationToken cancellationToken)
    {
        ShellDriver shell;
        lock (_shellLock)
        {
            // "dumb" keeps most devices from colouring and cursor-addressing; what remains is stripped.
            _shell ??= new ShellDriver(_client.CreateShellStream("dumb", 511, 50, 0, 0, 64 * 1024));
            shell = _shell;
        }

        var (output, pages) = await shell.RunAsync(command, options, cancellationToken).ConfigureAwait(false);
        return new SshCommandResult
        {
            Device = Name,
            HostName = HostName,
            Command = command,
            Output = output,
            Mode = SshCommandMode.Shell,
            PagesAnswered = pages,
            Duration = clock.Elapsed,
        };
    }
}
