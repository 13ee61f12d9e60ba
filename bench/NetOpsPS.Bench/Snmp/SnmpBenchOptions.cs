using System;
using System.Globalization;

namespace NetOpsPS.Bench.Snmp;

/// <summary>Settings of the <c>snmp</c> command (bench/snmp/run.sh).</summary>
internal sealed class SnmpBenchOptions
{
    public const string Usage = """
        usage: NetOpsPS.Bench snmp [options]    the SNMP benchmark (issue 5), on 127.0.0.1
          --peers DIR          tests/peers of this repository (default tests/peers)
          --walks N            measured walks per client, alternating ours and snmpbulkwalk (default 15)
          --max-repetitions N  GetBulk max-repetitions for both (default 10, snmpbulkwalk's -Cr10)
          --agents N           agents polled concurrently (default 50)
          --rounds N           measured polling rounds (default 10)
          --parallelism N      GetBulk requests in flight in our parallel walk (default 4)
        """;

    public string Peers { get; private set; } = "tests/peers";

    public int Walks { get; private set; } = 15;

    public int MaxRepetitions { get; private set; } = 10;

    public int Agents { get; private set; } = 50;

    public int Rounds { get; private set; } = 10;

    public int Parallelism { get; private set; } = 4;

    public static SnmpBenchOptions Parse(string[] args)
    {
        var options = new SnmpBenchOptions();
        for (int i = 0; i < args.Length; i += 2)
        {
            string name = args[i];
            if (name is "-h" or "--help")
            {
                throw new ArgumentException(Usage);
            }

            string value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"snmp: {name} needs a value.\n{Usage}");
            switch (name)
            {
                case "--peers": options.Peers = value; break;
                case "--walks": options.Walks = Number(name, value, 1, 1000); break;
                case "--max-repetitions": options.MaxRepetitions = Number(name, value, 1, 1000); break;
                case "--agents": options.Agents = Number(name, value, 1, 200); break;
                case "--rounds": options.Rounds = Number(name, value, 1, 1000); break;
                case "--parallelism": options.Parallelism = Number(name, value, 1, 64); break;
                default: throw new ArgumentException($"snmp: unknown option '{name}'.\n{Usage}");
            }
        }

        return options;
    }

    private static int Number(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"snmp: {name} takes a whole number from {min} to {max}, not '{value}'.");
}
