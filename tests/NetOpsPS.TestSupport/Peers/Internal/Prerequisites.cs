using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace NetOpsPS.TestSupport.Peers.Internal;

/// <summary>
/// What each peer needs installed. Checked before anything starts so that a missing package fails the test
/// with the package's name and the fix, instead of a "file not found" from deep inside a start script.
/// </summary>
internal static class Prerequisites
{
    public static readonly PeerBinary Python = new("/usr/bin/python3", "python3");
    public static readonly PeerBinary[] Snmpd = [new("/usr/sbin/snmpd", "snmpd"), new("/usr/bin/snmpget", "snmp"), Python];
    public static readonly PeerBinary[] Sshd = [new("/usr/sbin/sshd", "openssh-server"), new("/usr/bin/ssh-keygen", "openssh-client"), Python];
    public static readonly PeerBinary[] Netconf =
    [
        .. Sshd,
        new("/usr/sbin/netconfd", "netconfd"),
        new("/usr/sbin/netconf-subsystem", "netconfd"),
        new($"/usr/lib/{MultiarchTriplet()}/yuma/libietf-interfaces.so", "netconfd-module-ietf-interfaces"),
        new($"/usr/lib/{MultiarchTriplet()}/yuma/libietf-system.so", "netconfd-module-ietf-system"),
        new("/usr/sbin/runuser", "util-linux"),
        new("/usr/bin/ip", "iproute2"),
    ];

    public static readonly PeerBinary[] Dnsmasq = [new("/usr/sbin/dnsmasq", "dnsmasq-base"), new("/usr/bin/dig", "dnsutils"), Python];
    public static readonly PeerBinary[] Unbound =
        [new("/usr/sbin/unbound", "unbound"), new("/usr/sbin/unbound-checkconf", "unbound"), new("/usr/bin/dig", "dnsutils"), Python];

    public static readonly PeerBinary[] Prometheus =
        [new("/usr/bin/prometheus", "prometheus"), new("/usr/bin/promtool", "prometheus"), new("/usr/bin/curl", "curl"), Python];

    public static readonly PeerBinary[] TlsCapture = [new("/usr/bin/openssl", "openssl"), new("/usr/bin/tcpdump", "tcpdump"), Python];

    public static void RequireBinaries(IEnumerable<PeerBinary> binaries)
    {
        var missing = binaries.Where(b => !File.Exists(b.Path)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var packages = string.Join(' ', missing.Select(b => b.Package).Distinct());
        var files = string.Join(", ", missing.Select(b => $"{b.Path} ({b.Package})"));
        throw new PeerUnavailableException(
            $"Missing Debian package(s): {packages}. Not found: {files}. "
            + $"Run tests/peers/install.sh as root ({InstallScriptHint()}); it runs apt-get install -y --no-install-recommends for every peer package.");
    }

    /// <summary>As root, SSH and NETCONF log in as peertest; install.sh creates it.</summary>
    public static void RequireTestUser(string user)
    {
        var known = File.ReadLines("/etc/passwd").Any(line => line.StartsWith(user + ":", StringComparison.Ordinal));
        if (!known)
        {
            throw new PeerUnavailableException(
                $"The test login user '{user}' does not exist. Run tests/peers/install.sh as root ({InstallScriptHint()}); "
                + "it creates the user with lib/ensure-test-user.sh.");
        }
    }

    private static string InstallScriptHint()
    {
        try
        {
            return RepoPaths.InstallScript;
        }
        catch (PeerUnavailableException)
        {
            return "in the NetOpsPS repository";
        }
    }

    // Debian puts the netconfd SIL modules under the multiarch folder.
    private static string MultiarchTriplet() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.Arm64 => "aarch64-linux-gnu",
        _ => "x86_64-linux-gnu",
    };
}
