using System;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace NetOpsPS.Sockets.DnsTools.Internal;

/// <summary>Reads for DNS over TCP, where every message is preceded by its two-byte length (RFC 1035 §4.2.2).</summary>
internal static class TcpFraming
{
    /// <summary>Fills <paramref name="buffer"/>; false when the peer closed first (at a message boundary or not).</summary>
    public static async ValueTask<bool> ReadExactlyAsync(Socket socket, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        int read = 0;
        while (read < buffer.Length)
        {
            int n = await socket.ReceiveAsync(buffer[read..], SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }
}
