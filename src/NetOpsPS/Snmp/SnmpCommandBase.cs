using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Devices.Snmp;
using NetOpsPS.Internal;

namespace NetOpsPS.Snmp;

/// <summary>
/// What every SNMP cmdlet shares: targets from the parameter or the pipeline (by value, or ComputerName and Port by
/// property name), polled concurrently up to -ThrottleLimit, each on its own client; results and errors keep their
/// target. With a fallback community, a v3 read that fails before any result is tried once more over v2c, with a warning.
/// </summary>
public abstract class SnmpCommandBase : NetOpsCmdlet
{
    private const int ProgressActivityId = 5;
    private PipelineBridge? _bridge;
    private SnmpCredential? _credential;
    private int _started;
    private int _finished;

    /// <summary>Agents: names or IPv4/IPv6 addresses.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Address", "HostName", "IPAddress", "CN", "Target")]
    [ValidateNotNullOrEmpty]
    public string[] ComputerName { get; set; } = Array.Empty<string>();

    /// <summary>The agents' UDP port.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, 65535)]
    public int Port { get; set; } = SnmpTarget.DefaultPort;

    /// <summary>SNMPv3 contextName.</summary>
    [Parameter]
    [ValidateNotNull]
    public string ContextName { get; set; } = string.Empty;

    /// <summary>Seconds to wait for each answer.</summary>
    [Parameter]
    [ValidateRange(0.01, 600.0)]
    public double TimeoutSeconds { get; set; } = 1;

    /// <summary>How many times a request is sent again after a timeout.</summary>
    [Parameter]
    [ValidateRange(0, 20)]
    public int Retries { get; set; } = 2;

    /// <summary>How many agents are polled at once.</summary>
    [Parameter]
    [ValidateRange(1, 1024)]
    public int ThrottleLimit { get; set; } = 32;

    /// <summary>The community of a v2c retry after a failed v3 read; null: no fallback.</summary>
    protected virtual string? Fallback => null;

    /// <summary>The credential the invocation's parameters give; a bad combination throws ArgumentException.</summary>
    protected abstract SnmpCredential ResolveCredential();

    /// <summary>The work for one agent; results go through <paramref name="emit"/> (any thread).</summary>
    protected abstract Task PollAsync(SnmpClient client, string computerName, Action<object> emit, Action<string> progress, CancellationToken cancellationToken);

    /// <summary>Asks ShouldProcess for one target on the pipeline thread; true by default.</summary>
    protected virtual bool Approve(string target) => true;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        try
        {
            _credential = ResolveCredential();
        }
        catch (ArgumentException ex)
        {
            ThrowTerminatingError(new ErrorRecord(ex, "SnmpInvalidArgument", ErrorCategory.InvalidArgument, null));
        }

        _bridge = new PipelineBridge(ThrottleLimit, Cancellation);
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        PipelineBridge bridge = _bridge!;
        foreach (string host in ComputerName)
        {
            SnmpTarget target;
            try
            {
                target = Target(host, _credential!);
            }
            catch (ArgumentException ex)
            {
                WriteError(new ErrorRecord(ex, "SnmpInvalidArgument", ErrorCategory.InvalidArgument, host));
                continue;
            }

            if (!Approve(target.ToString()))
            {
                continue;
            }

            WriteVerbose($"Polling {target} as {_credential}.");
            _started++;
            bridge.Start(this, token => RunAsync(bridge, host, target, token), ex => SnmpErrorRecords.From(ex, target.ToString()));
        }

        bridge.WriteAvailable(this);
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        _bridge!.WriteUntilDone(this);
        if (_started > 1)
        {
            WriteProgress(new ProgressRecord(ProgressActivityId, MyInvocation.MyCommand.Name, "done") { RecordType = ProgressRecordType.Completed });
        }
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

    private SnmpTarget Target(string host, SnmpCredential credential) => new(host, credential, Port)
    {
        Timeout = TimeSpan.FromSeconds(TimeoutSeconds),
        Retries = Retries,
        ContextName = ContextName,
    };

    private async Task RunAsync(PipelineBridge bridge, string host, SnmpTarget target, CancellationToken token)
    {
        int written = 0;
        void Emit(object result)
        {
            Interlocked.Increment(ref written);
            bridge.Post(c => c.WriteObject(result));
        }

        void Progress(string status) => bridge.Post(c => c.WriteProgress(new ProgressRecord(ProgressActivityId, MyInvocation.MyCommand.Name, $"{target}: {status}")));

        try
        {
            using var client = new SnmpClient(target);
            await PollAsync(client, host, Emit, Progress, token).ConfigureAwait(false);
        }
        catch (SnmpException ex) when (Fallback is { } community && target.Credential.Version == SnmpVersion.V3 && Volatile.Read(ref written) == 0 && FallsBack(ex))
        {
            bridge.Post(c => c.WriteWarning($"{target}: SNMPv3 failed ({ex.Error}: {ex.Message}) Falling back to SNMPv2c with the fallback community."));
            using var fallback = new SnmpClient(Target(host, SnmpCredential.Community(community)));
            await PollAsync(fallback, host, Emit, Progress, token).ConfigureAwait(false);
        }
        finally
        {
            bridge.Post(c =>
            {
                _finished++;
                if (_started > 1)
                {
                    c.WriteProgress(new ProgressRecord(ProgressActivityId, MyInvocation.MyCommand.Name, $"{_finished} of {_started} agents done"));
                }
            });
        }
    }

    // What a v3 failure looks like on a device that only speaks v2c, or whose v3 user is not set up.
    private static bool FallsBack(SnmpException ex) => ex.Error is SnmpError.Timeout or SnmpError.UnknownUserName or SnmpError.WrongDigest
        or SnmpError.UnsupportedSecurityLevel or SnmpError.NotInTimeWindow or SnmpError.DecryptionError or SnmpError.UnknownEngineId
        || (ex.Error == SnmpError.AgentError && ex.ErrorStatus == SnmpErrorStatus.AuthorizationError);
}
