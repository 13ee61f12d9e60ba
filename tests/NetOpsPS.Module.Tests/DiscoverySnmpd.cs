using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using NetOpsPS.Module.Tests.Harness;

namespace NetOpsPS.Module.Tests;

/// <summary>
/// A real snmpd on one loopback address, started by tests/peers/snmp/start-snmpd-at.sh (this project may not
/// reference the test-support library, which would bring engines into the default load context). A missing
/// snmpd fails the test with the script's message naming the package.
/// </summary>
internal sealed class DiscoverySnmpd : IDisposable
{
    private readonly string _dir;
    private readonly int _pid;

    public DiscoverySnmpd(string address, int? port = null)
    {
        _dir = Directory.CreateTempSubdirectory("netops-snmpd-").FullName;
        (int exit, string stdout, string stderr) = Run(Script("snmp/start-snmpd-at.sh"), _dir, address, port?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        string[] fields = stdout.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (exit != 0 || fields.Length != 2)
        {
            throw new InvalidOperationException($"snmpd at {address} did not start (needs the Debian packages snmpd and snmp; tests/peers/install.sh): {stderr}");
        }

        Port = int.Parse(fields[0], CultureInfo.InvariantCulture);
        _pid = int.Parse(fields[1], CultureInfo.InvariantCulture);
    }

    public int Port { get; }

    public void Dispose()
    {
        Run(Script("lib/stop-pid.sh"), _pid.ToString(CultureInfo.InvariantCulture));
        Directory.Delete(_dir, recursive: true);
    }

    private static string Script(string relative) =>
        Path.GetFullPath(Path.Combine(ModulePaths.Source, "..", "tests", "peers", relative));

    private static (int Exit, string Stdout, string Stderr) Run(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        // The daemon inherits nothing of ours: the script redirects its output to files.
        string stdout = process.StandardOutput.ReadToEnd();
        string stderr = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
        }

        return (process.ExitCode, stdout, stderr);
    }
}
