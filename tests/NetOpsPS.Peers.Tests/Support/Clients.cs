using NetOpsPS.TestSupport.Peers;

namespace NetOpsPS.Peers.Tests.Support;

/// <summary>The independent reference clients the smoke tests check the peers with.</summary>
internal static class Clients
{
    public static readonly PeerBinary SnmpGet = new("/usr/bin/snmpget", "snmp");
    public static readonly PeerBinary Ssh = new("/usr/bin/ssh", "openssh-client");
    public static readonly PeerBinary Python = new("/usr/bin/python3", "python3");
    public static readonly PeerBinary NcClient = new("/usr/lib/python3/dist-packages/ncclient/__init__.py", "python3-ncclient");
    public static readonly PeerBinary Dig = new("/usr/bin/dig", "dnsutils");
    public static readonly PeerBinary PromTool = new("/usr/bin/promtool", "prometheus");
    public static readonly PeerBinary TShark = new("/usr/bin/tshark", "tshark");
    public static readonly PeerBinary Ps = new("/usr/bin/ps", "procps");
}
