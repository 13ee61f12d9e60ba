using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace NetOpsPS.Module.Tests.Harness;

/// <summary>Where the built module is, as stamped into this assembly by the build.</summary>
public static class ModulePaths
{
    public static string Manifest { get; } = Metadata("ModuleManifest");

    public static string Version { get; } = Metadata("ModuleVersion");

    public static string Source { get; } = Metadata("ModuleSource");

    public static string ModuleDirectory => Path.GetDirectoryName(Manifest)!;

    private static string Metadata(string key)
    {
        string? value = typeof(ModulePaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == key)?.Value;
        return value ?? throw new InvalidOperationException($"The build did not stamp {key} into the test assembly.");
    }
}
