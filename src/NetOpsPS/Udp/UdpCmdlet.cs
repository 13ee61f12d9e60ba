using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using NetOpsPS.Internal;
using NetOpsPS.Sockets;
using NetOpsPS.Sockets.DnsTools;
using NetOpsPS.Sockets.Udp;

namespace NetOpsPS.Udp;

/// <summary>
/// The socket tuning every UDP cmdlet and server takes (kernel buffer sizes, forced past the
/// sysctl limit on request), the report of what the kernel granted, and name resolution.
/// </summary>
public abstract class UdpCmdlet : NetOpsCmdlet
{
    /// <summary>Receive buffer (SO_RCVBUF) to ask for, in bytes; the system default when omitted.</summary>
    [Parameter]
    [ValidateRange(1, UdpBufferOptions.MaxBufferSize)]
    public int ReceiveBufferSize { get; set; }

    /// <summary>Send buffer (SO_SNDBUF) to ask for, in bytes; the system default when omitted.</summary>
    [Parameter]
    [ValidateRange(1, UdpBufferOptions.MaxBufferSize)]
    public int SendBufferSize { get; set; }

    /// <summary>When the kernel caps a buffer at net.core.rmem_max/wmem_max, force it (Linux, root or CAP_NET_ADMIN).</summary>
    [Parameter]
    public SwitchParameter ForceBufferSize { get; set; }

    /// <summary>The buffer request from the parameters.</summary>
    protected UdpBufferOptions BufferOptions() => new()
    {
        ReceiveBufferSize = ReceiveBufferSize,
        SendBufferSize = SendBufferSize,
        Force = ForceBufferSize,
    };

    /// <summary>Verbose line per grant, and a warning for each one the kernel capped (quic-go's practice).</summary>
    protected void ReportGrants(IEnumerable<UdpBufferGrant> grants, string owner)
    {
        foreach (UdpBufferGrant grant in grants)
        {
            WriteVerbose($"{owner}: {grant}.");
            if (grant.Warning is { } warning)
            {
                WriteWarning(warning);
            }
        }
    }

    /// <summary>An address or host name and a port as an end point; null (with the error written) when the name does not resolve.</summary>
    protected IPEndPoint? ResolveTarget(string computerName, int port, string idPrefix)
    {
        try
        {
            if (Await(HostAddresses.ResolveAsync(computerName, Cancellation)) is { } address)
            {
                return new IPEndPoint(address, port);
            }
        }
        catch (SocketException)
        {
            // Reported below, the same as a name with no addresses.
        }

        WriteError(new ErrorRecord(new SocketsException(SocketsError.AddressNotAvailable, $"The name '{computerName}' did not resolve to an address."), idPrefix + "NameResolution", ErrorCategory.ObjectNotFound, computerName));
        return null;
    }
}
