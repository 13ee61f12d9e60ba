using System;
using System.Globalization;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Sockets;

namespace NetOpsPS.Bench;

/// <summary>
/// The NetOpsPS server under test, alone in its own process so its memory can be read from
/// /proc/&lt;pid&gt;/status. Prints "listening &lt;endpoint&gt;" when ready; stops on SIGTERM, SIGINT,
/// or when its standard input closes (so it never outlives the benchmark that started it).
/// </summary>
internal static class ServeEcho
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        int port = 0;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--port" && i + 1 < args.Length)
            {
                port = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else
            {
                throw new ArgumentException($"serve-echo: unknown argument '{args[i]}' (usage: serve-echo [--port N])");
            }
        }

        await using var server = TcpEchoServer.Start(new TcpEchoServerOptions
        {
            Address = IPAddress.Loopback,
            Port = port,
            Name = "bench",
        });
        Console.WriteLine($"listening {server.LocalEndPoint}");
        Console.Out.Flush();

        Task stdinClosed = Task.Run(() =>
        {
            while (Console.In.ReadLine() is not null)
            {
            }
        }, CancellationToken.None);
        await Task.WhenAny(stdinClosed, Task.Delay(Timeout.Infinite, cancellationToken));
        await server.StopAsync(CancellationToken.None);
        return 0;
    }
}
