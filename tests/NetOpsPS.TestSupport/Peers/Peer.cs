using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.TestSupport.Peers.Internal;

namespace NetOpsPS.TestSupport.Peers;

/// <summary>
/// A real protocol peer on loopback, started from tests/peers/ in a fresh temp folder, and stopped again by PID.
/// Missing packages and failed starts throw <see cref="PeerUnavailableException"/>: tests fail, never skip.
/// PIDs are also killed when the test process exits, should a test not get as far as disposing.
/// </summary>
public sealed partial class Peer : IAsyncDisposable, IDisposable
{
    /// <summary>The SSH and NETCONF login user when the tests run as root (install.sh creates it).</summary>
    public const string TestUserName = "peertest";

    /// <summary>The password install.sh gives <see cref="TestUserName"/>.</summary>
    public const string TestUserPassword = "Peer-Pass-123";

    // Generous for RSA key generation and netconfd on a loaded 2-vCPU host; the scripts' own readiness loops give up first.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private int disposed;

    private Peer(string name, string workDir, int port, IReadOnlyList<int> pids, string logPath, int? exporterPort)
    {
        Name = name;
        WorkDir = workDir;
        Port = port;
        Pids = pids;
        LogPath = logPath;
        ExporterPort = exporterPort;
    }

    /// <summary>tests/peers in this repository: templates, sample files (prometheus/sample.prom) and scripts.</summary>
    public static string PeersDirectory => RepoPaths.PeersDirectory;

    /// <summary>
    /// Who logs in to the SSH and NETCONF peers: <see cref="TestUserName"/> as root; otherwise the current user,
    /// because an unprivileged sshd can only authenticate the account it runs as.
    /// </summary>
    public static string LoginUser => Environment.IsPrivilegedProcess ? TestUserName : Environment.UserName;

    public string Name { get; }

    /// <summary>The peer's port on 127.0.0.1 and ::1 (for Prometheus, its web port).</summary>
    public int Port { get; }

    /// <summary>The processes Dispose stops; empty for the one-shot TLS capture.</summary>
    public IReadOnlyList<int> Pids { get; }

    public string WorkDir { get; }

    /// <summary>The peer's own log, whose tail start failures quote.</summary>
    public string LogPath { get; }

    /// <summary>Prometheus only: the port of the exporter it scrapes as job peers-static.</summary>
    public int? ExporterPort { get; }

    /// <summary>SSH and NETCONF: host keys as [127.0.0.1]:PORT, [::1]:PORT and [localhost]:PORT.</summary>
    public string KnownHostsPath => PathOf("known_hosts");

    /// <summary>SSH and NETCONF: the ed25519 client key authorized for <see cref="LoginUser"/>.</summary>
    public string ClientKeyPath => PathOf("id_ed25519");

    /// <summary>SSH and NETCONF: an RSA-3072 client key authorized for <see cref="LoginUser"/>.</summary>
    public string ClientRsaKeyPath => PathOf("id_rsa");

    /// <summary>TLS capture: the test CA that signed server.test.example and alt.test.example.</summary>
    public string CaCertificatePath => PathOf("certs/ca.crt");

    /// <summary>TLS capture: the four handshakes captured on lo.</summary>
    public string PcapPath => PathOf("tls.pcap");

    /// <summary>TLS capture: the session secrets, for tshark -o tls.keylog_file:PATH.</summary>
    public string KeyLogPath => PathOf("keylog.txt");

    /// <summary>SNMP agent (snmpd.conf.in: communities public/private/stable, USM users such as usr-sha256-aes).</summary>
    public static Peer StartSnmpd(int? port = null) =>
        Launch("snmpd", "snmp/start-snmpd.sh", "snmpd.log", Prerequisites.Snmpd, dir => [dir, Text(port)]);

    /// <summary>OpenSSH sshd; key and password login for <see cref="LoginUser"/>.</summary>
    public static Peer StartSshd(int? port = null) =>
        Launch("sshd", "ssh/start-sshd.sh", "sshd.log", Prerequisites.Sshd, dir => [dir, LoginUser, Text(port)], login: true);

    /// <summary>netconfd behind sshd's netconf subsystem; Pids are sshd then netconfd.</summary>
    public static Peer StartNetconf(NetconfTarget target = NetconfTarget.Candidate, int? port = null) =>
        Launch(
            "netconf",
            "netconf/start-netconf.sh",
            "netconfd.log",
            Prerequisites.Netconf,
            dir => [dir, LoginUser, Text(port), target == NetconfTarget.Running ? "running" : "candidate"],
            login: true);

    /// <summary>dnsmasq serving the test.example zone (dns/dnsmasq.conf.in) over UDP and TCP.</summary>
    public static Peer StartDnsmasq(int? port = null) =>
        Launch("dnsmasq", "dns/start-dnsmasq.sh", "dnsmasq.log", Prerequisites.Dnsmasq, dir => [dir, Text(port)]);

    /// <summary>unbound serving the same test.example data from a static local zone.</summary>
    public static Peer StartUnbound(int? port = null) =>
        Launch("unbound", "dns/start-unbound.sh", "unbound.log", Prerequisites.Unbound, dir => [dir, Text(port)]);

    /// <summary>
    /// Prometheus scraping job peers-static every second. Without <paramref name="exporterPort"/> a sample exporter
    /// (prometheus/sample.prom) is started too; with it, Prometheus scrapes the caller's exporter on that port.
    /// Ready means /-/ready; the first `up` sample comes about 5 s later, so poll the query API for it.
    /// </summary>
    public static Peer StartPrometheus(int? exporterPort = null, int? port = null) =>
        Launch(
            "prometheus",
            "prometheus/start-prometheus.sh",
            "prometheus.log",
            Prerequisites.Prometheus,
            dir => [dir, Text(port), Text(exporterPort), exporterPort is null ? "sample" : "external"],
            exporterPortField: 2);

    /// <summary>
    /// Runs the one-shot TLS recipe (root): tcpdump on lo filtered on the port, openssl s_server with SNI and ALPN,
    /// four s_client handshakes (see tls/run-tls-capture.sh). Nothing is left running; the pcap is at <see cref="PcapPath"/>.
    /// </summary>
    public static Peer RunTlsCapture(int? port = null) =>
        Launch("tls-capture", "tls/run-tls-capture.sh", "s_server.log", Prerequisites.TlsCapture, dir => [dir, Text(port)]);

    /// <summary>Throws <see cref="PeerUnavailableException"/> naming the Debian packages of the missing files.</summary>
    public static void RequireBinaries(params PeerBinary[] binaries) => Prerequisites.RequireBinaries(binaries);

    /// <summary>True while the process runs; a zombie (stopped, not yet reaped) counts as stopped.</summary>
    public static bool IsRunning(int pid) => ProcStat.IsRunning(pid);

    /// <summary>A file in the work folder.</summary>
    public string PathOf(string relativePath) => Path.Combine(WorkDir, relativePath);

    /// <summary>Stops every PID (SIGTERM, then SIGKILL after 5 s) and removes the work folder.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        PeerProcesses.Stop(Pids);
        WorkDirs.Remove(WorkDir);
    }

    public ValueTask DisposeAsync() => new(Task.Run(Dispose));

    public override string ToString() =>
        $"{Name} on 127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)} (pids {string.Join(' ', Pids)}, {WorkDir})";

    private static Peer Launch(
        string name,
        string script,
        string logFile,
        PeerBinary[] needs,
        Func<string, string[]> arguments,
        bool login = false,
        int exporterPortField = -1)
    {
        Prerequisites.RequireBinaries(needs);
        if (login && Environment.IsPrivilegedProcess)
        {
            Prerequisites.RequireTestUser(TestUserName);
        }

        var dir = WorkDirs.Create(name);
        var scriptPath = Path.Combine(RepoPaths.PeersDirectory, script);
        var result = ScriptRunner.Run(scriptPath, arguments(dir), Path.Combine(dir, "start"), StartTimeout);
        var fields = result.StandardOutput.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var numbers = fields.Select(f => int.TryParse(f, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1).ToArray();
        if (result.ExitCode != 0 || numbers.Length == 0 || numbers.Contains(-1))
        {
            // Nothing to stop here: a failing script stops what it started, and a timeout killed the whole tree.
            var message = FailureMessage(name, scriptPath, result, dir);
            WorkDirs.Remove(dir);
            throw new PeerUnavailableException(message);
        }

        var pids = numbers.Skip(1).Where((_, i) => i + 1 != exporterPortField).ToArray();
        foreach (var pid in pids)
        {
            PeerProcesses.Register(pid);
        }

        int? exporterPort = exporterPortField > 0 ? numbers[exporterPortField] : null;
        return new Peer(name, dir, numbers[0], pids, Path.Combine(dir, logFile), exporterPort);
    }

    private static string FailureMessage(string name, string scriptPath, ScriptResult result, string dir)
    {
        var message = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{name} did not start: {scriptPath} ")
            .AppendLine(result.TimedOut
                ? $"did not finish within {StartTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s and was killed."
                : $"exited with {result.ExitCode.ToString(CultureInfo.InvariantCulture)}, printing '{result.StandardOutput.Trim()}' (expected \"PORT PID...\").")
            .AppendLine("--- its stderr:")
            .AppendLine(result.StandardError.TrimEnd());
        // The peer's logs and captured output (netconfd.out, dnsmasq.out, tcpdump.err...); start.* is quoted above.
        var logs = Directory.EnumerateFiles(dir)
            .Where(f => Path.GetExtension(f) is ".log" or ".out" or ".err")
            .Where(f => !Path.GetFileName(f).StartsWith("start.", StringComparison.Ordinal) && new FileInfo(f).Length > 0)
            .Order(StringComparer.Ordinal);
        foreach (var log in logs)
        {
            message.AppendLine(CultureInfo.InvariantCulture, $"--- last lines of {log}:").AppendLine(WorkDirs.Tail(log, 20));
        }

        return message.Append("(set NETOPSPS_KEEP_PEER_DIRS=1 to keep the work folder)").ToString();
    }

    // The scripts read an empty argument as "not given" (${N:-default}) and then pick a free port themselves.
    private static string Text(int? port) => port?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
