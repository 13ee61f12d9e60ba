using System;
using System.Diagnostics;
using System.Globalization;
using NetOpsPS.TestSupport.Peers;

namespace NetOpsPS.Sockets.Tests.Dns;

/// <summary>dig (dnsutils), the reference client, run against a loopback port.</summary>
internal static class Dig
{
    private const string Path = "/usr/bin/dig";

    /// <summary>dig's whole output for the arguments after the server and port.</summary>
    public static string Run(int port, params string[] args)
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
