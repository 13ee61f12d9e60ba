using System.Net;
using System.Net.Sockets;
using NetOpsPS.TestSupport.Peers;
using Xunit;

namespace NetOpsPS.Peers.Tests;

public sealed class PeerFailureTests
{
    [Fact]
    public void Missing_binary_fails_naming_its_package_and_the_install_script()
    {
        var error = Assert.Throws<PeerUnavailableException>(() => Peer.RequireBinaries(
            new PeerBinary("/usr/bin/python3", "python3"),
            new PeerBinary("/nonexistent/netopsps-test-daemon", "netopsps-test-package")));

        Assert.Contains("netopsps-test-package", error.Message);
        Assert.Contains("/nonexistent/netopsps-test-daemon", error.Message);
        Assert.Contains("tests/peers/install.sh", error.Message);
        Assert.DoesNotContain("/usr/bin/python3", error.Message);
    }

    [Fact]
    public void Failed_start_reports_the_script_stderr_and_the_peer_log_tail()
    {
        // The test holds the UDP port, so snmpd cannot bind it and exits at once.
        using var holder = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)holder.Client.LocalEndPoint!).Port;

        var error = Assert.Throws<PeerUnavailableException>(() => Peer.StartSnmpd(port));

        Assert.Contains("snmpd exited during startup", error.Message);
        Assert.Contains("snmpd.log", error.Message);
        Assert.Contains("Error opening specified endpoint", error.Message);
    }
}
