using System;
using System.Diagnostics;
using System.Globalization;
using NetOpsPS.TestSupport.Peers;

namespace NetOpsPS.Sockets.Tests.Dns;

/// <summary>dig (dnsutils), the reference client, run against a loopback port.</summary>
internal static class Dig
{
    private const string Path = "/usr/bin/dig";

    /// <summary>
    /// dig's whole output for the arguments after the server and port. dig takes the first datagram that reaches
    /// its ephemeral port as the reply; when that is not a reply at all (a DNS query, once, in a clean-clone run:
    /// the test assemblies run side by side, and some other process's datagram met a reused port number), dig
    /// runs again, at most three times in all, since the reference answer must come from the server.
    /// </summary>
    public static string Run(int port, params string[] args)
    {
        string output = RunOnce(port, args);
        for (int attempt = 2; attempt <= 3 && IsStray(output); attempt++)
        {
            output = RunOnce(port, args);
        }

        return output;
    }

    private static bool IsStray(string output) =>
        output.Contains(";; Warning: query response not set", StringComparison.Ordinal)
        || output.Contains(";; Warning: ID mismatch", StringComparison.Ordinal);

    private static string RunOnce(int port, string[] args)
    {
        Peer.RequireBinaries(new PeerBinary(Path, "dnsutils"));

        var start = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { "-p", port.ToString(CultureInfo.InvariantCulture), "@127.0.0.1", "+time=3", "+tries=1" })
        {
            start.ArgumentList.Add(a);
        }

        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using Process dig = Process.Start(start)!;
        string output = dig.StandardOutput.ReadToEnd();
        dig.StandardError.ReadToEnd();
        if (!dig.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            dig.Kill();
            throw new TimeoutException("dig did not finish within 30 s.");
        }

        return output;
    }
}
