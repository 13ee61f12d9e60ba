using System;
using System.Globalization;

namespace NetOpsPS.Bench.Udp;

/// <summary>Options of the reliable UDP benchmark.</summary>
internal sealed class UdpBenchOptions
{
    public const string Usage =
        "udp [--messages N] [--size BYTES] [--window PACKETS] [--min-rto-ms MS] [--seed N] [--runs N]\n"
        + "  Reliable UDP goodput on loopback and through the impairment relay at 0%, 5% and 20% loss,\n"
        + "  with the retransmission overhead against the ideal messages / (1 - loss).";

    public int Messages { get; private set; } = 20_000;

    public int Size { get; private set; } = 1000;

    public int Window { get; private set; } = 64;

    public int MinRtoMilliseconds { get; private set; } = 20;

    public int Seed { get; private set; } = 2026;

    public int Runs { get; private set; } = 3;

    public static UdpBenchOptions Parse(string[] args)
    {
        var options = new UdpBenchOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            int value = i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed) && parsed > 0
                ? parsed
                : throw new ArgumentException($"{name} needs a positive number.\n{Usage}");
            i++;
            switch (name)
            {
                case "--messages": options.Messages = Math.Min(value, 1_000_000); break;
                case "--size": options.Size = Math.Min(value, 60_000); break;
                case "--window": options.Window = Math.Min(value, 32_768); break;
                case "--min-rto-ms": options.MinRtoMilliseconds = value; break;
                case "--seed": options.Seed = value; break;
                case "--runs": options.Runs = Math.Min(value, 20); break;
                default: throw new ArgumentException($"Unknown option '{name}'.\n{Usage}");
            }
        }

        return options;
    }
}
