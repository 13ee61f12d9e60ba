using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using NetOpsPS.Devices.Netconf;
using NetOpsPS.Devices.Ssh;
using NetOpsPS.TestSupport.Peers;

namespace NetOpsPS.Devices.Tests.Netconf;

/// <summary>
/// A real sshd whose netconf subsystem is tests/peers/netconf/hostile-netconf.py: the bytes arrive over a real SSH
/// channel, only the NETCONF server is a deliberately broken stand-in (no real server sends DTDs or bad chunks).
/// </summary>
internal sealed class HostileNetconfPeer : IDisposable
{
    private readonly string _dir;
    private readonly int _pid;

    private HostileNetconfPeer(string dir, int port, int pid)
    {
        _dir = dir;
        Port = port;
        _pid = pid;
    }

    public int Port { get; }

    public static HostileNetconfPeer Start(string mode)
    {
        // sshd reads authorized_keys as the login user: the folder must be 0755.
        string dir = Directory.CreateTempSubdirectory("netopsps-hostile-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101);
        }

        var start = new ProcessStartInfo(Path.Combine(Peer.PeersDirectory, "netconf", "start-hostile-netconf.sh"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string a in new[] { dir, Peer.LoginUser, mode })
        {
            start.ArgumentList.Add(a);
        }

        using Process script = Process.Start(start)!;
        string output = script.StandardOutput.ReadToEnd();
        string error = script.StandardError.ReadToEnd();
        script.WaitForExit();
        string[] fields = output.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (script.ExitCode != 0 || fields.Length != 2)
        {
            Directory.Delete(dir, true);
            throw new PeerUnavailableException($"start-hostile-netconf.sh {mode} failed ({script.ExitCode}): {error}");
        }

        return new HostileNetconfPeer(dir, int.Parse(fields[0], CultureInfo.InvariantCulture), int.Parse(fields[1], CultureInfo.InvariantCulture));
    }

    public NetconfSessionOptions Options(long maxMessageSize = 64L * 1024 * 1024, double rpcTimeoutSeconds = 20) => new()
    {
        Ssh = new SshConnectionOptions
        {
            Host = "127.0.0.1",
            Port = Port,
            UserName = Peer.LoginUser,
            PrivateKeyPaths = [Path.Combine(_dir, "id_ed25519")],
            KnownHostsPath = Path.Combine(_dir, "known_hosts"),
        },
        RpcTimeout = TimeSpan.FromSeconds(rpcTimeoutSeconds),
        MaxMessageSize = maxMessageSize,
        // The broken first reply is what these tests are about.
        AwaitFirstReply = false,
    };

    public void Dispose()
    {
        try
        {
            using Process sshd = Process.GetProcessById(_pid);
            sshd.Kill(entireProcessTree: true);
            sshd.WaitForExit(5000);
        }
        catch (ArgumentException)
        {
            // Already gone.
        }

        Directory.Delete(_dir, true);
    }
}
