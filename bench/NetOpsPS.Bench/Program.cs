using System;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Bench.Tcp;

namespace NetOpsPS.Bench;

/// <summary>
/// <c>tcp</c>: the TCP echo benchmark of issue 3 (bench/tcp/run.sh runs it).
/// <c>serve-echo</c>: NetOpsPS's TcpEchoServer alone in this process, the child the <c>tcp</c> command loads.
/// <c>exporter</c>: the metrics exporter benchmark of issue 8 (bench/exporter/run.sh runs it).
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.WriteLine(TcpBenchOptions.Usage);
            return args.Length == 0 ? 2 : 0;
        }

        using var stop = new CancellationTokenSource();
        using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        try
        {
            return args[0] switch
            {
                "tcp" => await TcpBench.RunAsync(TcpBenchOptions.Parse(args[1..]), stop.Token),
                "serve-echo" => await ServeEcho.RunAsync(args[1..], stop.Token),
                "exporter" => await Exporter.ExporterBench.RunAsync(args[1..], stop.Token),
                "snmp" => await Snmp.SnmpBench.RunAsync(Snmp.SnmpBenchOptions.Parse(args[1..]), stop.Token),
                "udp" => await Udp.UdpBench.RunAsync(Udp.UdpBenchOptions.Parse(args[1..]), stop.Token),
                "push" => await Push.PushBench.RunAsync(args[1..], stop.Token),
                "netconf" => await Netconf.NetconfBench.RunAsync(Netconf.NetconfBenchOptions.Parse(args[1..]), stop.Token),
                _ => throw new ArgumentException($"Unknown command '{args[0]}'.\n{TcpBenchOptions.Usage}"),
            };
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.Error.WriteLine("stopped");
            return 130;
        }

        void Stop(PosixSignalContext context)
        {
            // Let the commands unwind and stop their child processes instead of dying at once.
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
