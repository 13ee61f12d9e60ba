using System.Management.Automation;

namespace NetOpsPS.Internal;

/// <summary>File-system paths from what users type: relative to the current location, on a PSDrive, or absolute.</summary>
internal static class FileSystemPaths
{
    /// <summary>
    /// The provider path of <paramref name="path"/>, which need not exist yet. PowerShell 7.6 on Linux builds its
    /// "/" drive from the mount table when a runspace opens, and that can go wrong (PowerShell/PowerShell#27678); the
    /// suite saw it once as DriveNotFound for an absolute path whose file was there, in a run whose other tests add
    /// network namespaces (which mount). An absolute path needs no drive, so it is then taken as it is.
    /// </summary>
    public static string FileSystemPath(this PSCmdlet cmdlet, string path)
    {
        try
        {
            return cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
        }
        catch (DriveNotFoundException) when (System.IO.Path.IsPathRooted(path))
        {
            return System.IO.Path.GetFullPath(path);
        }
    }
}
