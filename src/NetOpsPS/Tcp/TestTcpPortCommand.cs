using System;
using System.Management.Automation;
using System.Net.Sockets;
using NetOpsPS.Internal;
using NetOpsPS.Sockets;

namespace NetOpsPS.Tcp;

/// <summary>
/// Test-TcpPort: does a TCP port accept connections? Targets from the pipeline are tested in
/// parallel (at most -ThrottleLimit at once) and each result streams out as soon as it is known.
/// A closed or silent port is a result with a status, not an error.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "TcpPort")]
[OutputType(typeof(TcpPortTestResult))]
public sealed class TestTcpPortCommand : NetOpsCmdlet
{
    private const int ProgressActivityId = 1;
    private PipelineBridge? _bridge;
    private int _started;
    private int _finished;

    /// <summary>Host names or addresses to test.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Address", "HostName", "IPAddress", "CN", "RemoteAddress")]
    [ValidateNotNullOrEmpty]
    public string[] ComputerName { get; set; } = Array.Empty<string>();

    /// <summary>The TCP port to test.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("RemotePort")]
    [ValidateRange(1, 65535)]
    public int Port { get; set; }

    /// <summary>Seconds to wait for the handshake to each address.</summary>
    [Parameter]
    [ValidateRange(0.001, 3600.0)]
    public double TimeoutSeconds { get; set; } = 3;

    /// <summary>How many targets are tested at once.</summary>
    [Parameter]
    [ValidateRange(1, 4096)]
    public int ThrottleLimit { get; set; } = 32;

    /// <summary>Only IPv4 addresses of a name.</summary>
    [Parameter]
    public SwitchParameter IPv4 { get; set; }

    /// <summary>Only IPv6 addresses of a name.</summary>
    [Parameter]
    public SwitchParameter IPv6 { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        if (IPv4 && IPv6)
        {
            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException("Use -IPv4 or -IPv6, not both."), "TcpPortConflictingFamily", ErrorCategory.InvalidArgument, null));
        }

        _bridge = new PipelineBridge(ThrottleLimit, Cancellation);
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        PipelineBridge bridge = _bridge!;
        AddressFamily family = IPv4 ? AddressFamily.InterNetwork : IPv6 ? AddressFamily.InterNetworkV6 : AddressFamily.Unspecified;
        TimeSpan timeout = TimeSpan.FromSeconds(TimeoutSeconds);
        int port = Port;
        foreach (string target in ComputerName)
        {
            WriteVerbose($"Testing {target} port {port}.");
            bridge.Start(
                this,
                async token =>
                {
                    TcpPortTestResult result = await TcpPortProbe.TestAsync(target, port, timeout, family, token).ConfigureAwait(false);
                    bridge.Post(c =>
                    {
                        c.WriteObject(result);
                        ReportProgress(completed: false);
                    });
                },
                ex => ErrorRecords.Unexpected(ex, "TcpPortTest", target));
            _started++;
        }

        bridge.WriteAvailable(this);
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (_started > 1)
        {
            WriteVerbose($"Waiting for {_started} tests.");
        }

        _bridge!.WriteUntilDone(this);
        ReportProgress(completed: true);
    }

    // A batch of slow targets can take a while: say how far it is (the total is known only at the end of input).
    private void ReportProgress(bool completed)
    {
        _finished += completed ? 0 : 1;
        if (_started < 2)
        {
            return;
        }

        WriteProgress(new ProgressRecord(ProgressActivityId, "Test-TcpPort", $"{_finished} of {_started} targets tested")
        {
            RecordType = completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        });
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _bridge?.Dispose();
        }

        base.Dispose(disposing);
    }
}
