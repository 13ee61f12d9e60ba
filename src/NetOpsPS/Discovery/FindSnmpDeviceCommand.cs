using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Devices.Discovery;
using NetOpsPS.Devices.Snmp;
using NetOpsPS.Internal;

namespace NetOpsPS.Discovery;

/// <summary>
/// Find-SnmpDevice: sweeps addresses, ranges and CIDR blocks for SNMP agents, trying each community and v3 user in turn,
/// many hosts at once. Writes a device per agent that answered (silent hosts are normal in a sweep and only
/// show in -Verbose), and with -SdJsonPath also writes them as Prometheus service-discovery JSON.
/// </summary>
[Cmdlet(VerbsCommon.Find, "SnmpDevice")]
[OutputType(typeof(SnmpDevice))]
public sealed class FindSnmpDeviceCommand : NetOpsCmdlet
{
    private readonly List<string> _hosts = new();
    private readonly HashSet<string> _seen = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Addresses, names, ranges (10.0.0.1-20, 10.0.0.1-10.0.1.5) or CIDR blocks (10.0.0.0/24).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Address", "ComputerName", "Hostname", "Range")]
    [ValidateNotNullOrEmpty]
    public string[]? Target { get; set; }

    /// <summary>SNMPv1/v2c communities, tried in order before the -Credential users. "public" when neither is given.</summary>
    [Parameter(Position = 1)]
    [ValidateNotNullOrEmpty]
    public string[]? Community { get; set; }

    /// <summary>The version the communities speak: V2c (the default) or V1.</summary>
    [Parameter]
    [ValidateSet("V1", "V2c")]
    public SnmpVersion Version { get; set; } = SnmpVersion.V2c;

    /// <summary>SNMPv3 users from New-SnmpCredential, tried in order after the communities.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public SnmpCredential[]? Credential { get; set; }

    /// <summary>The agents' UDP port.</summary>
    [Parameter]
    [ValidateRange(1, 65535)]
    public int Port { get; set; } = SnmpTarget.DefaultPort;

    /// <summary>Seconds to wait for each answer.</summary>
    [Parameter]
    [ValidateRange(0.05, 60.0)]
    public double TimeoutSeconds { get; set; } = 1;

    /// <summary>Requests sent again after a timeout, per credential.</summary>
    [Parameter]
    [ValidateRange(0, 10)]
    public int Retries { get; set; } = 1;

    /// <summary>Most hosts probed at the same time.</summary>
    [Parameter]
    [ValidateRange(1, 4096)]
    public int ThrottleLimit { get; set; } = 64;

    /// <summary>Also write the devices found to this file as Prometheus HTTP/file service-discovery JSON.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SdJsonPath { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (string item in Target ?? [])
        {
            IReadOnlyList<string> hosts;
            try
            {
                hosts = HostRange.Expand(item);
            }
            catch (FormatException ex)
            {
                WriteError(new ErrorRecord(ex, "SnmpDeviceInvalidTarget", ErrorCategory.InvalidArgument, item));
                continue;
            }

            foreach (string host in hosts)
            {
                if (_seen.Add(host))
                {
                    _hosts.Add(host);
                }
            }
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var options = new SnmpDiscoveryOptions
        {
            Credentials = Credentials(),
            Port = Port,
            Timeout = TimeSpan.FromSeconds(TimeoutSeconds),
            Retries = Retries,
        };
        WriteVerbose($"Sweeping {_hosts.Count} host(s) on port {Port} with {options.Credentials.Count} credential(s), {ThrottleLimit} at once.");
        var found = new List<SnmpDevice>();
        var progress = new ProgressRecord(1, "Find-SnmpDevice", $"Probing {_hosts.Count} host(s)");
        int done = 0;
        using (var bridge = new PipelineBridge(ThrottleLimit, Cancellation))
        {
            foreach (string host in _hosts)
            {
                bridge.Start(
                    this,
                    async token =>
                    {
                        SnmpProbeResult result = await SnmpDiscovery.ProbeAsync(host, options, token).ConfigureAwait(false);
                        bridge.Post(cmdlet => Report(cmdlet, result, found, progress, ++done));
                    },
                    ex => ErrorRecords.Unexpected(ex, "SnmpDeviceProbe", host));
            }

            bridge.WriteUntilDone(this);
        }

        progress.RecordType = ProgressRecordType.Completed;
        WriteProgress(progress);
        if (SdJsonPath is not null)
        {
            string path = this.FileSystemPath(SdJsonPath);
            Await(PrometheusServiceDiscovery.WriteFileAsync(found, path, Cancellation));
            WriteVerbose($"Wrote {found.Count} target group(s) to {path}.");
        }
    }

    // Communities first (one cheap request each), then the v3 users; CredentialIndex counts in this order.
    private SnmpCredential[] Credentials()
    {
        var credentials = new List<SnmpCredential>();
        foreach (string community in Community ?? (Credential is null ? ["public"] : []))
        {
            credentials.Add(SnmpCredential.Community(community, Version));
        }

        credentials.AddRange(Credential ?? []);
        return credentials.ToArray();
    }

    private void Report(Cmdlet cmdlet, SnmpProbeResult result, List<SnmpDevice> found, ProgressRecord progress, int done)
    {
        progress.PercentComplete = (int)(100L * done / Math.Max(1, _hosts.Count));
        progress.StatusDescription = $"{done} of {_hosts.Count} probed, {found.Count + (result.Device is null ? 0 : 1)} found";
        cmdlet.WriteProgress(progress);
        if (result.Device is { } device)
        {
            found.Add(device);
            cmdlet.WriteVerbose($"{device.Target}: {device.Name} answered credential {device.CredentialIndex} in {device.ResponseTime.TotalMilliseconds:0.0} ms.");
            cmdlet.WriteObject(device);
        }
        else
        {
            cmdlet.WriteVerbose($"{result.Address}: no answer: {string.Join("; ", result.Failures)}.");
        }
    }
}
