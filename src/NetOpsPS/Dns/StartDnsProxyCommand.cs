using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Net;
using NetOpsPS.Internal;
using NetOpsPS.Sockets;
using NetOpsPS.Sockets.DnsTools;
using NetOpsPS.Udp;

namespace NetOpsPS.DnsTools;

/// <summary>
/// Start-DnsProxy: a caching, forwarding DNS proxy on UDP and TCP. Returns the proxy at once; it runs
/// in the background until Stop-DnsProxy, the runspace's end, or module removal.
/// </summary>
[Cmdlet(VerbsLifecycle.Start, "DnsProxy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(DnsProxy))]
public sealed class StartDnsProxyCommand : UdpCmdlet
{
    /// <summary>Upstream servers as address or address:port ([v6]:port), tried in this order.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string[] Upstream { get; set; } = Array.Empty<string>();

    /// <summary>Local port for UDP and TCP; 0 (the default) lets the system choose a free one.</summary>
    [Parameter(Position = 1)]
    [ValidateRange(0, 65535)]
    public int Port { get; set; }

    /// <summary>Local address to listen on: 127.0.0.1 by default.</summary>
    [Parameter]
    [Alias("ListenAddress", "LocalAddress")]
    [ValidateNotNull]
    public IPAddress Address { get; set; } = IPAddress.Loopback;

    /// <summary>A name for Get-/Stop-DnsProxy; made up when not given.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>Send every query upstream; keep no answers.</summary>
    [Parameter]
    public SwitchParameter NoCache { get; set; }

    /// <summary>Most answers kept in the cache.</summary>
    [Parameter]
    [ValidateRange(1, 10_000_000)]
    public int CacheSize { get; set; } = 10_000;

    /// <summary>Longest time in seconds a positive answer is kept, whatever its TTL.</summary>
    [Parameter]
    [ValidateRange(1, 604_800)]
    public int MaxCacheTtlSeconds { get; set; } = 86_400;

    /// <summary>Longest time in seconds a negative answer (NXDOMAIN, NODATA) is kept.</summary>
    [Parameter]
    [ValidateRange(1, 86_400)]
    public int MaxNegativeTtlSeconds { get; set; } = 10_800;

    /// <summary>Seconds to wait for one upstream before failing over to the next.</summary>
    [Parameter]
    [ValidateRange(0.05, 60.0)]
    public double UpstreamTimeoutSeconds { get; set; } = 2;

    /// <summary>Failures in a row that mark an upstream unhealthy.</summary>
    [Parameter]
    [ValidateRange(1, 1000)]
    public int FailureThreshold { get; set; } = 2;

    /// <summary>Seconds an unhealthy upstream is tried only after the healthy ones.</summary>
    [Parameter]
    [ValidateRange(0.0, 3600.0)]
    public double UpstreamRetrySeconds { get; set; } = 10;

    /// <summary>Queries per second allowed per client address; 0 (the default) for no limit. Queries over it are dropped.</summary>
    [Parameter]
    [ValidateRange(0.0, 10_000_000.0)]
    public double RateLimit { get; set; }

    /// <summary>Queries a client may send at once above the rate; 0 means one second's worth.</summary>
    [Parameter]
    [ValidateRange(0, 10_000_000)]
    public int RateLimitBurst { get; set; }

    /// <summary>UDP queries waiting for an upstream at most; more are dropped (Statistics.Overloaded).</summary>
    [Parameter]
    [ValidateRange(1, 1_000_000)]
    public int MaxPendingQueries { get; set; } = 1000;

    /// <summary>Serve UDP only.</summary>
    [Parameter]
    public SwitchParameter NoTcp { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        List<IPEndPoint> upstreams = [];
        foreach (string text in Upstream)
        {
            if (!TryParseUpstream(text, out IPEndPoint? upstream))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException($"Upstream '{text}' is not an address or address:port (for IPv6 with a port: [::1]:53)."),
                    "DnsProxyInvalidUpstream",
                    ErrorCategory.InvalidArgument,
                    text));
            }

            upstreams.Add(upstream!);
        }

        var endPoint = new IPEndPoint(Address, Port);
        if (!ShouldProcess(endPoint.ToString(), $"Start DNS proxy forwarding to {string.Join(", ", upstreams)}"))
        {
            return;
        }

        DnsProxy proxy;
        try
        {
            proxy = DnsProxy.Start(new DnsProxyOptions
            {
                Address = Address,
                Port = Port,
                Name = Name,
                Upstreams = upstreams,
                CacheSize = NoCache ? 0 : CacheSize,
                MaxCacheTtl = TimeSpan.FromSeconds(MaxCacheTtlSeconds),
                MaxNegativeTtl = TimeSpan.FromSeconds(MaxNegativeTtlSeconds),
                UpstreamTimeout = TimeSpan.FromSeconds(UpstreamTimeoutSeconds),
                FailureThreshold = FailureThreshold,
                UpstreamRetryInterval = TimeSpan.FromSeconds(UpstreamRetrySeconds),
                RateLimit = RateLimit,
                RateLimitBurst = RateLimitBurst,
                EnableTcp = !NoTcp,
                MaxPendingQueries = MaxPendingQueries,
                Buffers = BufferOptions(),
            });
        }
        catch (SocketsException ex)
        {
            WriteError(ErrorRecords.From(ex, "DnsProxy", endPoint));
            return;
        }

        Registries.DnsProxies.Add(proxy);
        ReportGrants(proxy.BufferGrants, proxy.Name);
        WriteVerbose($"{proxy.Name} (id {proxy.Id}) listening on {proxy.LocalEndPoint} ({(proxy.TcpEnabled ? "UDP and TCP" : "UDP")}), cache {(proxy.CacheEnabled ? "on" : "off")}.");
        WriteObject(proxy);
    }

    // "192.0.2.1", "192.0.2.1:5353", "::1", "[::1]:5353"; port 53 when none is given.
    private static bool TryParseUpstream(string text, out IPEndPoint? upstream)
    {
        upstream = null;
        if (IPAddress.TryParse(text, out IPAddress? address))
        {
            upstream = new IPEndPoint(address, 53);
            return true;
        }

        if (IPEndPoint.TryParse(text, out IPEndPoint? endPoint) && endPoint.Port != 0)
        {
            upstream = endPoint;
            return true;
        }

        return false;
    }
}
