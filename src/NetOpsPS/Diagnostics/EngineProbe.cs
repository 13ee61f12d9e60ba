using NetOpsPS.Devices;
using NetOpsPS.Sockets;

namespace NetOpsPS.Diagnostics;

/// <summary>Touches each engine so that it, and the libraries it binds, are loaded and can be reported.</summary>
internal static class EngineProbe
{
    public static void LoadEngines()
    {
        _ = typeof(TcpPortProbe).Assembly;
        _ = SshLibrary.Assembly;
    }
}
