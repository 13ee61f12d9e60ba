using System;
using System.Management.Automation;
using NetOpsPS.Internal;
using NetOpsPS.Sockets.Client;
using NetOpsPS.Sockets.Framing;

namespace NetOpsPS.Tcp;

/// <summary>
/// Connect-TcpSession: a framed TCP client session that reconnects by exponential backoff with
/// jitter, behind a circuit breaker whose state is on the session object, with counters of
/// attempts, errors by kind, reconnects, and frames and bytes each way.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "TcpSession")]
[OutputType(typeof(TcpClientSession))]
public sealed class ConnectTcpSessionCommand : NetOpsCmdlet
{
    /// <summary>Host name or address of the server.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Address", "HostName", "IPAddress")]
    [ValidateNotNullOrEmpty]
    public string ComputerName { get; set; } = "";

    /// <summary>The server's TCP port.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, 65535)]
    public int Port { get; set; }

    /// <summary>A name for Get-/Disconnect-TcpSession; made up when not given.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>How frames are cut and written: an object from New-TcpFraming. Lines by default.</summary>
    [Parameter]
    [ValidateNotNull]
    public FramingOptions Framing { get; set; } = new LineFramingOptions(64 * 1024);

    /// <summary>Seconds to wait for each connect.</summary>
    [Parameter]
    [ValidateRange(0.001, 3600.0)]
    public double ConnectTimeoutSeconds { get; set; } = 5;

    /// <summary>Seconds Receive-TcpFrame waits by default.</summary>
    [Parameter]
    [ValidateRange(0.001, 86400.0)]
    public double ReadTimeoutSeconds { get; set; } = 30;

    /// <summary>Retries after a failed connect, before the attempt fails.</summary>
    [Parameter]
    [ValidateRange(0, 1000)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First backoff delay in seconds; each retry doubles it, up to -RetryMaxDelaySeconds.</summary>
    [Parameter]
    [ValidateRange(0.0, 3600.0)]
    public double RetryBaseDelaySeconds { get; set; } = 0.2;

    /// <summary>Longest backoff delay in seconds.</summary>
    [Parameter]
    [ValidateRange(0.0, 3600.0)]
    public double RetryMaxDelaySeconds { get; set; } = 10;

    /// <summary>Exact exponential delays instead of jittered ones.</summary>
    [Parameter]
    public SwitchParameter NoJitter { get; set; }

    /// <summary>Share of failed connects in the sampling window that opens the breaker (0-1).</summary>
    [Parameter]
    [ValidateRange(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Connects needed in the window before the breaker may open.</summary>
    [Parameter]
    [ValidateRange(2, 100_000)]
    public int BreakerMinimumThroughput { get; set; } = 4;

    /// <summary>Seconds of the breaker's sampling window.</summary>
    [Parameter]
    [ValidateRange(0.5, 86400.0)]
    public double BreakerSamplingSeconds { get; set; } = 30;

    /// <summary>Seconds the breaker stays open before a trial connect (HalfOpen).</summary>
    [Parameter]
    [ValidateRange(0.5, 86400.0)]
    public double BreakerBreakSeconds { get; set; } = 15;

    /// <summary>Do not reconnect when the connection drops; the next send or receive fails instead.</summary>
    [Parameter]
    public SwitchParameter NoAutoReconnect { get; set; }

    /// <summary>Seconds between the session's own PINGs (RTT in LastRtt); 0 for none. Server PINGs are always answered.</summary>
    [Parameter]
    [ValidateRange(0.0, 86400.0)]
    public double HeartbeatIntervalSeconds { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        string target = $"{ComputerName}:{Port}";
        TcpClientSession session;
        try
        {
            session = new TcpClientSession(new TcpClientSessionOptions
            {
                Host = ComputerName,
                Port = Port,
                Name = Name,
                Framing = Framing,
                ConnectTimeout = TimeSpan.FromSeconds(ConnectTimeoutSeconds),
                ReadTimeout = TimeSpan.FromSeconds(ReadTimeoutSeconds),
                MaxRetryAttempts = MaxRetryAttempts,
                RetryBaseDelay = TimeSpan.FromSeconds(RetryBaseDelaySeconds),
                RetryMaxDelay = TimeSpan.FromSeconds(RetryMaxDelaySeconds),
                UseJitter = !NoJitter,
                BreakerFailureRatio = BreakerFailureRatio,
                BreakerMinimumThroughput = BreakerMinimumThroughput,
                BreakerSamplingDuration = TimeSpan.FromSeconds(BreakerSamplingSeconds),
                BreakerBreakDuration = TimeSpan.FromSeconds(BreakerBreakSeconds),
                AutoReconnect = !NoAutoReconnect,
                HeartbeatInterval = TimeSpan.FromSeconds(HeartbeatIntervalSeconds),
            });
        }
        catch (ArgumentException ex)
        {
            WriteError(new ErrorRecord(ex, "TcpSessionInvalidArgument", ErrorCategory.InvalidArgument, target));
            return;
        }

        try
        {
            Await(session.ConnectAsync(Cancellation));
        }
        catch (TcpClientSessionException ex)
        {
            Await(session.DisposeAsync().AsTask());
            WriteError(ErrorRecords.From(ex, target));
            return;
        }

        Registries.Sessions.Add(session);
        WriteVerbose($"{session.Name} (id {session.Id}) connected to {session.RemoteEndPoint} from {session.LocalEndPoint}.");
        WriteObject(session);
    }
}
