using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using NetOpsPS.Module.Tests.Harness;

namespace NetOpsPS.Module.Tests;

/// <summary>
/// net-snmp's snmpd from tests/peers/snmp/start-snmpd.sh, for the cmdlet tests (this project may not reference
/// TestSupport's engines-free helpers without a csproj change, so it runs the same script). Stopped by PID on dispose
/// and when the test process exits. A missing snmpd fails with the Debian package to install.
/// </summary>
internal sealed class SnmpAgentProcess : IDisposable
{
    private static readonly string Peers = Path.GetFullPath(Path.Combine(ModulePaths.Source, "..", "tests", "peers"));
    private readonly string _dir;
    private int _stopped;

    private SnmpAgentProcess(int port, int pid, string dir)
    {
        Port = port;
        Pid = pid;
        _dir = dir;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
    }

    public int Port { get; }

    public int Pid { get; }

    /// <summary>
    /// The agent the help examples talk to: 127.0.0.1:161 and [::1]:161, the port users type by default. Started when this
    /// test assembly loads (the examples run from HelpExampleTests, which knows nothing of peers); an agent with the same
    /// configuration already there (another test run) is used as it is.
    /// </summary>
    public static SnmpAgentProcess? ExampleAgent { get; private set; }

    public static SnmpAgentProcess Start(int? port = null)
    {
        foreach ((string path, string package) in new[] { ("/usr/sbin/snmpd", "snmpd"), ("/usr/bin/snmpget", "snmp") })
        {
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"{path} is missing: install the Debian package {package} (tests/peers/install.sh).");
            }
        }

        string dir = Directory.CreateTempSubdirectory("netops-snmpd-").FullName;
        (int exit, string output, string error) = Run(Path.Combine(Peers, "snmp", "start-snmpd.sh"), dir, port?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        string[] fields = output.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (exit != 0 || fields.Length != 2)
        {
            Directory.Delete(dir, recursive: true);
            throw new InvalidOperationException($"snmpd did not start (exit {exit}): {error}");
        }

        return new SnmpAgentProcess(int.Parse(fields[0], CultureInfo.InvariantCulture), int.Parse(fields[1], CultureInfo.InvariantCulture), dir);
    }

    public void Dispose()
    {
        if (System.Threading.Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            Run(Path.Combine(Peers, "lib", "stop-pid.sh"), Pid.ToString(CultureInfo.InvariantCulture));
            Directory.Delete(_dir, recursive: true);
        }
    }

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
            ExampleAgent = Start(161);
        }
        catch (InvalidOperationException ex)
        {
            // The examples then fail with "No answer from 127.0.0.1:161"; this says why.
            Console.Error.WriteLine($"SNMP help-example agent: {ex.Message}");
        }
    }

    private static bool AnswersOnDefaultPort() =>
        File.Exists("/usr/bin/snmpget")
        && Run("/usr/bin/snmpget", "-v2c", "-c", "public", "-t", "0.3", "-r", "0", "-Ov", "127.0.0.1:161", "1.3.6.1.2.1.1.5.0").Output.Contains("peers-snmpd", StringComparison.Ordinal);

    private static (int Exit, string Output, string Error) Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        // The daemon inherits no pipe of ours: start-snmpd.sh redirects its output to files, so these reads end.
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error);
    }
}
