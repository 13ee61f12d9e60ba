using System;
using System.Management.Automation;
using NetOpsPS.Internal;
using NetOpsPS.Sockets;
using NetOpsPS.Sockets.Load;

namespace NetOpsPS.Tcp;

/// <summary>
/// Measure-TcpEcho: drives a line echo server with many connections, ping-pong or pipelined, checks
/// every reply byte for byte, and reports requests/s, MB/s, latency percentiles and errors as one
/// object per target. The engine behind the TCP benchmark in bench/.
/// </summary>
[Cmdlet(VerbsDiagnostic.Measure, "TcpEcho")]
[OutputType(typeof(TcpLoadResult))]
public sealed class MeasureTcpEchoCommand : NetOpsCmdlet
{
    private const int ProgressActivityId = 2;

    /// <summary>Host name or address of the echo server.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Address", "HostName", "IPAddress")]
    [ValidateNotNullOrEmpty]
    public string ComputerName { get; set; } = "";

    /// <summary>The server's TCP port.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, 65535)]
    public int Port { get; set; }

    /// <summary>Concurrent connections.</summary>
    [Parameter]
    [ValidateRange(1, 100_000)]
    public int Connections { get; set; } = 1;

    /// <summary>Seconds of measured load, after the warm-up.</summary>
    [Parameter]
    [ValidateRange(0.01, 86400.0)]
    public double DurationSeconds { get; set; } = 5;

    /// <summary>Stop after this many requests instead (0: run for the duration).</summary>
    [Parameter]
    [ValidateRange(0, long.MaxValue)]
    public long Requests { get; set; }

    /// <summary>Seconds of load before measuring starts.</summary>
    [Parameter]
    [ValidateRange(0.0, 3600.0)]
    public double WarmUpSeconds { get; set; } = 1;

    /// <summary>PingPong: one line in flight per connection. Pipelined: up to -PipelineDepth lines in flight.</summary>
    [Parameter]
    public TcpLoadMode Mode { get; set; } = TcpLoadMode.PingPong;

    /// <summary>Lines in flight per connection in Pipelined mode.</summary>
    [Parameter]
    [ValidateRange(1, 65536)]
    public int PipelineDepth { get; set; } = 64;

    /// <summary>Bytes of each line, without its line feed.</summary>
    [Parameter]
    [ValidateRange(1, 1024 * 1024)]
    public int PayloadSize { get; set; } = 64;

    /// <summary>What the server puts before each echoed line ("" for a plain echo such as socat EXEC:cat).</summary>
    [Parameter]
    [AllowEmptyString]
    [ValidateNotNull]
    public string ReplyPrefix { get; set; } = "Echo: ";

    /// <summary>Seconds to wait for each connect.</summary>
    [Parameter]
    [ValidateRange(0.001, 3600.0)]
    public double ConnectTimeoutSeconds { get; set; } = 5;

    /// <summary>Seconds to wait for each reply before counting a timeout.</summary>
    [Parameter]
    [ValidateRange(0.001, 3600.0)]
    public double ReplyTimeoutSeconds { get; set; } = 5;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var options = new TcpLoadOptions
        {
            Host = ComputerName,
            Port = Port,
            Connections = Connections,
            Duration = TimeSpan.FromSeconds(DurationSeconds),
            Requests = Requests,
            WarmUp = TimeSpan.FromSeconds(WarmUpSeconds),
            Mode = Mode,
            PipelineDepth = PipelineDepth,
            PayloadSize = PayloadSize,
            ReplyPrefix = ReplyPrefix,
            ConnectTimeout = TimeSpan.FromSeconds(ConnectTimeoutSeconds),
            ReplyTimeout = TimeSpan.FromSeconds(ReplyTimeoutSeconds),
        };
        string target = $"{ComputerName}:{Port}";
        using var bridge = new PipelineBridge(1, Cancellation);
        IProgress<TcpLoadProgress> progress = bridge.Progress<TcpLoadProgress>(value => new ProgressRecord(
            ProgressActivityId, "Measure-TcpEcho", $"{target}: {value.Phase}, {value.ActiveConnections} connections, {value.RequestsCompleted} requests, {value.Errors} errors")
        {
            PercentComplete = value.Duration > TimeSpan.Zero ? (int)Math.Clamp(100 * value.Measured.Ticks / value.Duration.Ticks, 0, 100) : -1,
        });
        bridge.Start(
            this,
            async token =>
            {
                TcpLoadResult result = await TcpLoadDriver.RunAsync(options, progress, token).ConfigureAwait(false);
                bridge.Post(c =>
                {
                    c.WriteProgress(new ProgressRecord(ProgressActivityId, "Measure-TcpEcho", target) { RecordType = ProgressRecordType.Completed });
                    c.WriteObject(result);
                });
            },
            ex => ex is ArgumentException
                ? new ErrorRecord(ex, "TcpLoadInvalidArgument", ErrorCategory.InvalidArgument, target)
                : ErrorRecords.Unexpected(ex, "TcpLoad", target));
        bridge.WriteUntilDone(this);
    }
}
