using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace NetOpsPS.Host.Tests;

/// <summary>
/// 10,000 concurrent connections held by a server that a netops process started, each getting
/// exactly its own reply. The server runs in its own process because one process holding both
/// ends would need 20,000 descriptors, the hard limit of these machines.
/// </summary>
public sealed class TenThousandConnectionsTests
{
    private const int Count = 10_000;

    [Fact]
    public async Task TenThousandConcurrentConnectionsAreHeldWithNoLostOrCorruptedReply()
    {
        const string Script = """
            $s = Start-TcpEchoServer -Port 0 -Name tenk -MaxConnections 20000 -Backlog 4096
            $Host.UI.WriteLine('port=' + $s.Port)
            $null = [Console]::In.ReadLine()
            $g = Get-TcpServer -Name tenk
            $Host.UI.WriteLine('total=' + $g.TotalConnections + ' frames=' + $g.FramesReceived + ' active=' + $g.ActiveConnections)
            """;
        using NetopsProcess netops = NetopsProcess.Start(["-c", Script], keepStdinOpen: true);
        await netops.WaitForStdoutAsync("port=", NetopsProcess.DefaultTimeout);
        int port = int.Parse(Regex.Match(netops.StdoutSoFar, @"port=(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        var clients = new Socket[Count];
        try
        {
            // Connect in batches so the accept queue never overflows; every connection stays open.
            for (int start = 0; start < Count; start += 500)
            {
                await Task.WhenAll(Enumerable.Range(start, 500).Select(async i =>
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    clients[i] = socket;
                    await socket.ConnectAsync(IPAddress.Loopback, port).WaitAsync(TimeSpan.FromSeconds(30));
                }));
            }

            string[] replies = await Task.WhenAll(clients.Select((socket, i) => ExchangeAsync(socket, i)));
            for (int i = 0; i < Count; i++)
            {
                Assert.Equal(Expected(i), replies[i]);
            }

            netops.CloseStdin();
            await netops.WaitForStdoutAsync("total=", NetopsProcess.DefaultTimeout);
            Assert.Contains($"total={Count} frames={Count} active={Count}", netops.StdoutSoFar, StringComparison.Ordinal);
        }
        finally
        {
            foreach (Socket? socket in clients)
            {
                socket?.Dispose();
            }
        }

        NetopsResult run = await netops.WaitForExitAsync(NetopsProcess.DefaultTimeout);
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    private static string Expected(int i) => $"Echo: connection {i} payload {i * 7919}\n";

    private static async Task<string> ExchangeAsync(Socket socket, int i)
    {
        byte[] request = Encoding.ASCII.GetBytes($"connection {i} payload {i * 7919}\n");
        await socket.SendAsync(request, SocketFlags.None);
        byte[] reply = new byte[Expected(i).Length];
        int read = 0;
        while (read < reply.Length)
        {
            int n = await socket.ReceiveAsync(reply.AsMemory(read), SocketFlags.None).AsTask().WaitAsync(TimeSpan.FromSeconds(60));
            if (n == 0)
            {
                return Encoding.ASCII.GetString(reply, 0, read) + "<closed>";
            }

            read += n;
        }

        return Encoding.ASCII.GetString(reply);
    }
}
