using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.CompilerServices;
using NetOpsPS.TestSupport.Peers;

namespace NetOpsPS.Module.Tests;

/// <summary>
/// The agent the help examples talk to: net-snmp's snmpd on 127.0.0.1:161 and [::1]:161, the port users type by default.
/// Started when this test assembly loads (the examples run from HelpExampleTests, which knows nothing of peers); an agent
/// with the same configuration already there (another test run) is used as it is. Stopped when the test process exits.
/// </summary>
internal static class SnmpAgentProcess
{
#pragma warning disable CA2255 // A test-assembly initializer on purpose: the help examples need an agent on the default port.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void StartExampleAgent()
    {
        if (AnswersOnDefaultPort())
        {
            return;
        }

        try
        {
            Peer agent = Peer.StartSnmpd(161);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => agent.Dispose();
        }
        catch (PeerUnavailableException ex)
        {
            // Throwing here would fail every test of the assembly; the examples fail instead, with
            // "No answer from 127.0.0.1:161", and this says why (a missing package is named).
            Console.Error.WriteLine($"SNMP help-example agent: {ex.Message}");
        }
    }

    private static bool AnswersOnDefaultPort()
    {
        if (!File.Exists("/usr/bin/snmpget"))
        {
            return false;
        }

        var start = new ProcessStartInfo("/usr/bin/snmpget") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in new[] { "-v2c", "-c", "public", "-t", "0.3", "-r", "0", "-Ov", "127.0.0.1:161", "1.3.6.1.2.1.1.5.0" })
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return output.Contains("peers-snmpd", StringComparison.Ordinal);
    }
}
