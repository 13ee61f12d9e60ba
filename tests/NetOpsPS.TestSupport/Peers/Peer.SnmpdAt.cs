using System.Globalization;
using NetOpsPS.TestSupport.Peers.Internal;

namespace NetOpsPS.TestSupport.Peers;

public sealed partial class Peer
{
    /// <summary>
    /// An snmpd like <see cref="StartSnmpd"/> but listening on one loopback address only (127.0.0.2, 127.0.0.3...),
    /// so several agents can share one port for sweeps (snmp/start-snmpd-at.sh). Its sysName is
    /// peers-snmpd-ADDRESS; communities accept requests from all of 127.0.0.0/8.
    /// </summary>
    public static Peer StartSnmpdAt(string address, int? port = null) =>
        Launch("snmpd-" + address, "snmp/start-snmpd-at.sh", "snmpd.log", Prerequisites.Snmpd, dir => [dir, address, Text(port)]);
}
