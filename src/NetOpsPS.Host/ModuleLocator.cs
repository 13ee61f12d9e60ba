using System;
using System.IO;
using System.Text.RegularExpressions;

namespace NetOpsPS.Host;

/// <summary>
/// Finds the NetOpsPS.psd1 that netops imports: NETOPS_MODULE_PATH when set (a psd1, or the folder
/// holding one), else the copy the build puts beside netops under Modules/NetOpsPS/&lt;version&gt;/.
/// Only that exact version is taken, so a stale folder left from an older build is never loaded.
/// </summary>
internal static partial class ModuleLocator
{
    public const string EnvironmentVariable = "NETOPS_MODULE_PATH";
    public const string ManifestName = "NetOpsPS.psd1";

    /// <summary>The manifest's full path, or null with <paramref name="problem"/> saying what is missing.</summary>
    public static string? Locate(out string problem)
    {
        string? overridePath = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(overridePath))
        {
            string candidate = Directory.Exists(overridePath) ? Path.Combine(overridePath, ManifestName) : overridePath;
            if (File.Exists(candidate))
            {
                problem = string.Empty;
                return Path.GetFullPath(candidate);
            }

            problem = $"{EnvironmentVariable} is '{overridePath}', but there is no module manifest at '{candidate}'.";
            return null;
        }

        string beside = Path.Combine(AppContext.BaseDirectory, "Modules", "NetOpsPS", HostVersion.Text, ManifestName);
        if (File.Exists(beside))
        {
            problem = string.Empty;
            return beside;
        }

        problem = $"NetOpsPS {HostVersion.Text} is not beside netops: '{beside}' is missing. "
            + $"Build it with `dotnet build src/NetOpsPS.Host`, or set {EnvironmentVariable} to a NetOpsPS.psd1.";
        return null;
    }

    /// <summary>
    /// The folder to put on PSModulePath so that `Import-Module NetOpsPS`, the first line of most
    /// scripts written for pwsh, finds the module netops already imported instead of failing:
    /// the parent of NetOpsPS/ in a &lt;root&gt;/NetOpsPS/[&lt;version&gt;/]NetOpsPS.psd1 layout, else null.
    /// </summary>
    public static string? ModuleRoot(string manifestPath)
    {
        DirectoryInfo? folder = new FileInfo(manifestPath).Directory;
        if (folder is not null && Version.TryParse(folder.Name, out _))
        {
            folder = folder.Parent;
        }

        return folder is { Parent: not null } && string.Equals(folder.Name, "NetOpsPS", StringComparison.OrdinalIgnoreCase)
            ? folder.Parent.FullName
            : null;
    }

    /// <summary>
    /// The ModuleVersion a manifest declares, read as text so that -Version answers without starting
    /// the engine. The build stamps that line with the same pattern (src/NetOpsPS/Module.targets).
    /// </summary>
    public static string ReadModuleVersion(string manifestPath)
    {
        Match match = ModuleVersionLine().Match(File.ReadAllText(manifestPath));
        return match.Success ? match.Groups["version"].Value : "unknown";
    }

    [GeneratedRegex(@"ModuleVersion\s*=\s*['""](?<version>[^'""]+)['""]")]
    private static partial Regex ModuleVersionLine();
}
