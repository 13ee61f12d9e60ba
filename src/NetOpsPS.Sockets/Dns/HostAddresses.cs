using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace NetOpsPS.Sockets.DnsTools;

/// <summary>The one address a client talks to, from an address literal or a host name, through the system resolver.</summary>
public static class HostAddresses
{
    /// <summary>
    /// An address literal as it is (an IPv6 one may be in brackets, "[::1]"), else the name's first
    /// IPv4 address, else its first address; null when the name has none. A name the resolver cannot
    /// resolve is its <see cref="SocketException"/>.
    /// </summary>
    public static async Task<IPAddress?> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        string bare = host.Trim('[', ']');
        if (IPAddress.TryParse(bare, out IPAddress? literal))
        {
            return literal;
        }

        // IPv4 first: servers and agents under test listen on 127.0.0.1 far more often than on ::1.
        IPAddress[] addresses = await Dns.GetHostAddressesAsync(bare, cancellationToken).ConfigureAwait(false);
        return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault();
    }
}
