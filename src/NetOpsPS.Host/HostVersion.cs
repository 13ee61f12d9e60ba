using System;
using System.Reflection;

namespace NetOpsPS.Host;

/// <summary>The version of netops, stamped from Directory.Build.props like the module's.</summary>
internal static class HostVersion
{
    /// <summary>The version as people write it (VersionPrefix, without the SDK's +commit suffix).</summary>
    public static string Text { get; } = ReadText();

    /// <summary>The assembly version, for <see cref="System.Management.Automation.Host.PSHost.Version"/>.</summary>
    public static Version Value { get; } = typeof(HostVersion).Assembly.GetName().Version ?? new Version(0, 0);

    /// <summary>The version of the embedded PowerShell engine (the System.Management.Automation package).</summary>
    public static string EngineText { get; } = ReadText(typeof(System.Management.Automation.PowerShell).Assembly);

    private static string ReadText() => ReadText(typeof(HostVersion).Assembly);

    private static string ReadText(Assembly assembly)
    {
        string text = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";

        // The SDK appends "+<commit>"; PowerShell's own assembly appends " SHA: <commit>".
        int end = text.AsSpan().IndexOfAny('+', ' ');
        return end < 0 ? text : text[..end];
    }
}
