using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Net;
using NetOpsPS.Internal;
using NetOpsPS.Sockets.DnsTools;

namespace NetOpsPS.DnsTools;

/// <summary>
/// Resolve-DnsQuery: asks one DNS server for names, in parallel, and writes one typed result per name:
/// status (NXDOMAIN and REFUSED included), flags, server, round trip and the records of every section.
/// A silent or closed server is a per-name error. An address as the name asks for its PTR record.
/// </summary>
[Cmdlet(VerbsDiagnostic.Resolve, "DnsQuery")]
[OutputType(typeof(DnsQueryResult))]
public sealed class ResolveDnsQueryCommand : NetOpsCmdlet
{
    private const int ProgressActivityId = 4;
    private PipelineBridge? _bridge;
    private DnsQueryOptions? _options;
    private int _started;
    private int _finished;

    /// <summary>Names to look up; an IP address looks up its PTR record.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("QueryName", "HostName", "ComputerName")]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = Array.Empty<string>();

    /// <summary>The record type to ask for.</summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("QueryType")]
    public DnsRecordType Type { get; set; } = DnsRecordType.A;

    /// <summary>The DNS server's address; the system's first configured server when omitted.</summary>
    [Parameter]
    [ValidateNotNull]
    public IPAddress? Server { get; set; }

    /// <summary>The DNS server's port.</summary>
    [Parameter]
    [ValidateRange(1, 65535)]
    public int Port { get; set; } = 53;

    /// <summary>Seconds to wait for each attempt.</summary>
    [Parameter]
    [ValidateRange(0.05, 300.0)]
    public double TimeoutSeconds { get; set; } = 2;

    /// <summary>Attempts after the first when one times out.</summary>
    [Parameter]
    [ValidateRange(0, 10)]
    public int Retries { get; set; } = 2;

    /// <summary>The EDNS(0) UDP payload size offered; 512 sends no OPT record.</summary>
    [Parameter]
    [ValidateRange(512, 65535)]
    public int EdnsBufferSize { get; set; } = 1232;

    /// <summary>Ask over TCP from the start (otherwise UDP, and TCP only after a truncated answer).</summary>
    [Parameter]
    public SwitchParameter TcpOnly { get; set; }

    /// <summary>Clear the RD bit: ask the server not to recurse (to see only what it holds itself).</summary>
    [Parameter]
    public SwitchParameter NoRecursion { get; set; }

    /// <summary>How many names are resolved at once.</summary>
    [Parameter]
    [ValidateRange(1, 1024)]
    public int ThrottleLimit { get; set; } = 16;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        IPEndPoint server = Server is not null ? new IPEndPoint(Server, Port) : SystemServer();
        _options = new DnsQueryOptions
        {
            Server = server.Address,
            Port = server.Port,
            Timeout = TimeSpan.FromSeconds(TimeoutSeconds),
            Retries = Retries,
            EdnsBufferSize = EdnsBufferSize,
            TcpOnly = TcpOnly,
            RecursionDesired = !NoRecursion,
        };
        _bridge = new PipelineBridge(ThrottleLimit, Cancellation);
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        PipelineBridge bridge = _bridge!;
        DnsQueryOptions options = _options!;
        bool typeGiven = MyInvocation.BoundParameters.ContainsKey(nameof(Type));
        DnsRecordType type = Type;
        foreach (string name in Name)
        {
            bool reverse = IPAddress.TryParse(name, out IPAddress? address) && (!typeGiven || type == DnsRecordType.PTR);
            WriteVerbose(reverse
                ? $"Asking {options.Server}:{options.Port} for the PTR record of {address}."
                : $"Asking {options.Server}:{options.Port} for {name} {type}.");
            bridge.Start(
                this,
                async token =>
                {
                    DnsQueryResult result = reverse
                        ? await DnsResolver.ReverseAsync(address!, options, token).ConfigureAwait(false)
                        : await DnsResolver.QueryAsync(name, type, options, token).ConfigureAwait(false);
                    bridge.Post(c =>
                    {
                        c.WriteObject(result);
                        ReportProgress(completed: false);
                    });
                },
                ex => DnsErrorRecords.From(ex, name));
            _started++;
        }

        bridge.WriteAvailable(this);
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        _bridge!.WriteUntilDone(this);
        ReportProgress(completed: true);
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

    // The system's first server; -Port, when given, replaces its port.
    private IPEndPoint SystemServer()
    {
        IReadOnlyList<IPEndPoint> servers = DnsResolver.SystemServers();
        if (servers.Count == 0)
        {
            ThrowTerminatingError(new ErrorRecord(
                new InvalidOperationException("This machine has no DNS server configured; name one with -Server."),
                "DnsNoServerConfigured",
                ErrorCategory.ObjectNotFound,
                null));
        }

        WriteVerbose($"No -Server given: using the system's DNS server {servers[0]}.");
        return MyInvocation.BoundParameters.ContainsKey(nameof(Port)) ? new IPEndPoint(servers[0].Address, Port) : servers[0];
    }

    // Many names can take a while against a slow server: say how far it is.
    private void ReportProgress(bool completed)
    {
        _finished += completed ? 0 : 1;
        if (_started < 2)
        {
            return;
        }

        WriteProgress(new ProgressRecord(ProgressActivityId, "Resolve-DnsQuery", $"{_finished} of {_started} names resolved")
        {
            RecordType = completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        });
    }
}
