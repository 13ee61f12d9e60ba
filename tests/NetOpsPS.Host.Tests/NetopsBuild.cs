using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace NetOpsPS.Host.Tests;

/// <summary>Where the build put netops, and the version it was stamped with (see the .csproj).</summary>
internal static class NetopsBuild
{
    /// <summary>The version of Directory.Build.props, which netops and the module both carry.</summary>
    public static string Version { get; } = Metadata("NetOpsVersion");

    /// <summary>The netops apphost (netops, netops.exe), the program users run.</summary>
    public static string HostPath { get; } = FindHost();

    /// <summary>The folder netops' own copy of the module lives in.</summary>
    public static string ModuleFolder { get; } =
        Path.Combine(Path.GetDirectoryName(HostPath)!, "Modules", "NetOpsPS", Version);

    /// <summary>The .NET install running these tests, so netops runs on the same runtime.</summary>
    public static string DotnetRoot { get; } =
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));

    private static string FindHost()
    {
        string dll = Metadata("NetopsDll");
        string host = Path.ChangeExtension(dll, OperatingSystem.IsWindows() ? ".exe" : null);
        return File.Exists(host)
            ? host
            : throw new InvalidOperationException($"netops is not built at '{host}': build tests/NetOpsPS.Host.Tests first.");
    }

    private static string Metadata(string key) =>
        typeof(NetopsBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly carries no '{key}' metadata.");
}
