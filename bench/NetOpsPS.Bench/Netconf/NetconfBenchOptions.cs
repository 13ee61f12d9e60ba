using System;
using System.Globalization;

namespace NetOpsPS.Bench.Netconf;

/// <summary>Options of <c>NetOpsPS.Bench netconf</c>; bench/netconf/run.sh fills in the peer's.</summary>
internal sealed record NetconfBenchOptions(int Port, string User, string Key, string KnownHosts, int Iterations, int Rounds, string Python, string NcclientScript)
{
    public const string Usage = """
        usage: NetOpsPS.Bench netconf --port P --user U --key FILE --known-hosts FILE [--iterations 40] [--rounds 3]
                                      [--python /usr/bin/python3] [--ncclient-script bench/netconf/ncclient_edit_commit.py]
        Times edit-config (candidate) + commit round trips on one open session, NetOpsPS then ncclient, for --rounds
        alternating rounds of --iterations each, against the same netconfd; prints medians and the ratio.
        """;

    public static NetconfBenchOptions Parse(string[] args)
    {
        int port = 0, iterations = 40, rounds = 3;
        string? user = null, key = null, knownHosts = null;
        string python = "/usr/bin/python3", script = "bench/netconf/ncclient_edit_commit.py";
        for (int i = 0; i < args.Length; i++)
        {
            string value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            switch (args[i])
            {
                case "--port": port = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--user": user = value; break;
                case "--key": key = value; break;
                case "--known-hosts": knownHosts = value; break;
                case "--iterations": iterations = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--rounds": rounds = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--python": python = value; break;
                case "--ncclient-script": script = value; break;
                default: throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}");
            }

            i++;
        }

        if (port is < 1 or > 65535 || user is null || key is null || knownHosts is null || iterations < 1 || rounds < 1)
        {
            throw new ArgumentException(Usage);
        }

        return new NetconfBenchOptions(port, user, key, knownHosts, iterations, rounds, python, script);
    }
}
