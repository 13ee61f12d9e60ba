using System;
using System.Collections.Generic;
using System.Globalization;

namespace NetOpsPS.Bench.Tcp;

/// <summary>Settings of the <c>tcp</c> command; the defaults keep a whole run near six minutes on two cores.</summary>
internal sealed class TcpBenchOptions
{
    public const string Usage = """
        usage: NetOpsPS.Bench tcp [options]     the TCP echo benchmark (issue 3), on 127.0.0.1
               NetOpsPS.Bench serve-echo [--port N]   NetOpsPS's TcpEchoServer alone (the benchmark's child)
        options of tcp:
          --go-echo PATH     the built Go server (default bench/tcp/go-echo/go-echo)
          --socat PATH       socat (default socat, from PATH)
          --duration S       measured seconds per run (default 5)
          --warmup S         warm-up seconds per run, not counted (default 1)
          --payload N        payload bytes per line, the line feed not included (default 64)
          --depth N          lines in flight per connection in the pipelined runs (default 128)
          --rounds N         rounds of every scenario, each server in turn (default 3); medians are reported
          --idle N           idle connections for the memory figure (default 10000)
          --netops-env K=V   an environment variable for the NetOpsPS server process only (repeatable;
                             for experiments such as DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1)
        """;

    public string GoEcho { get; private set; } = "bench/tcp/go-echo/go-echo";

    public string Socat { get; private set; } = "socat";

    public TimeSpan Duration { get; private set; } = TimeSpan.FromSeconds(5);

    public TimeSpan WarmUp { get; private set; } = TimeSpan.FromSeconds(1);

    public int Rounds { get; private set; } = 3;

    public int PayloadSize { get; private set; } = 64;

    public int PipelineDepth { get; private set; } = 128;

    public int IdleConnections { get; private set; } = 10_000;

    public Dictionary<string, string> NetOpsEnvironment { get; } = new(StringComparer.Ordinal);

    public static TcpBenchOptions Parse(string[] args)
    {
        var options = new TcpBenchOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"tcp: {name} needs a value.\n{Usage}");
            }

            string value = args[++i];
            switch (name)
            {
                case "--go-echo":
                    options.GoEcho = value;
                    break;
                case "--socat":
                    options.Socat = value;
                    break;
                case "--duration":
                    options.Duration = TimeSpan.FromSeconds(Number(name, value, 0.1, 3600));
                    break;
                case "--warmup":
                    options.WarmUp = TimeSpan.FromSeconds(Number(name, value, 0, 600));
                    break;
                case "--rounds":
                    options.Rounds = (int)Number(name, value, 1, 99);
                    break;
                case "--payload":
                    options.PayloadSize = (int)Number(name, value, 1, 1 << 20);
                    break;
                case "--depth":
                    options.PipelineDepth = (int)Number(name, value, 1, 65_536);
                    break;
                case "--idle":
                    options.IdleConnections = (int)Number(name, value, 1, 60_000);
                    break;
                case "--netops-env" when value.IndexOf('=', StringComparison.Ordinal) > 0:
                    options.NetOpsEnvironment[value[..value.IndexOf('=', StringComparison.Ordinal)]] = value[(value.IndexOf('=', StringComparison.Ordinal) + 1)..];
                    break;
                default:
                    throw new ArgumentException($"tcp: unknown option '{name}'.\n{Usage}");
            }
        }

        return options;
    }

    private static double Number(string name, string value, double min, double max)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) || number < min || number > max)
        {
            throw new ArgumentException($"tcp: {name} takes a number from {min} to {max}, not '{value}'.");
        }

        return number;
    }
}
