using System;
using System.IO;
using System.Linq;

namespace NetOpsPS.TestSupport.Peers.Internal;

/// <summary>The fresh temp folder each peer runs in.</summary>
internal static class WorkDirs
{
    /// <summary>Set to keep work folders after Dispose, to read the logs of a passing run.</summary>
    private const string KeepVariable = "NETOPSPS_KEEP_PEER_DIRS";

    public static string Create(string peerName)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The loopback peers run on Debian only.");
        }

        var dir = Directory.CreateTempSubdirectory($"netopsps-{peerName}-").FullName;
        // 0700 by default; 0755 because sshd reads authorized_keys/ as the login user and netconfd runs as peertest.
        File.SetUnixFileMode(
            dir,
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return dir;
    }

    public static void Remove(string dir)
    {
        if (Environment.GetEnvironmentVariable(KeepVariable) is { Length: > 0 })
        {
            return;
        }

        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // A peer that survived SIGKILL may still write here; the folder is in /tmp and harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }

    /// <summary>The last lines of a log, for failure messages.</summary>
    public static string Tail(string path, int lines)
    {
        try
        {
            var all = File.ReadAllLines(path);
            return string.Join(Environment.NewLine, all.Skip(Math.Max(0, all.Length - lines)));
        }
        catch (IOException ex)
        {
            return $"(unreadable: {ex.Message})";
        }
        catch (UnauthorizedAccessException ex)
        {
            return $"(unreadable: {ex.Message})";
        }
    }
}
