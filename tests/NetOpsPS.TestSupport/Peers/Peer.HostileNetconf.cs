using NetOpsPS.TestSupport.Peers.Internal;

namespace NetOpsPS.TestSupport.Peers;

public sealed partial class Peer
{
    /// <summary>
    /// A real sshd whose netconf subsystem is netconf/hostile-netconf.py in <paramref name="mode"/> (dtd, xxe, oversized,
    /// badchunk, eom-flood, split, silent): the bytes arrive over a real SSH channel, only the NETCONF server is a
    /// deliberately broken stand-in, since no real server sends DTDs or bad chunks. Keys and known_hosts as for
    /// <see cref="StartSshd"/>.
    /// </summary>
    public static Peer StartHostileNetconf(string mode, int? port = null) =>
        Launch("hostile-netconf-" + mode, "netconf/start-hostile-netconf.sh", "sshd.log", Prerequisites.Sshd, dir => [dir, LoginUser, mode, Text(port)], login: true);
}
