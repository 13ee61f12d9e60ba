using System;
using System.IO;

namespace NetOpsPS.TestSupport.Peers.Internal;

/// <summary>Finds tests/peers from wherever the test assembly runs (bin/Debug/net10.0/ or a CI copy).</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string RepoRoot => Root.Value;

    public static string PeersDirectory => Path.Combine(RepoRoot, "tests", "peers");

    public static string InstallScript => Path.Combine(PeersDirectory, "install.sh");

    // The solution file marks the root: the build output sits several levels below it.
    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NetOpsPS.sln")))
            {
                return dir.FullName;
            }
        }

        throw new PeerUnavailableException(
            $"NetOpsPS.sln not found in {AppContext.BaseDirectory} or any folder above it; the peers live in <repo>/tests/peers.");
    }
}
