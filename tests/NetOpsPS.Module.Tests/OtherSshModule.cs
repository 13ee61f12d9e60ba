using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace NetOpsPS.Module.Tests;

/// <summary>
/// Puts the "other module's" SSH.NET 2024.2.0 into the default load context as soon as this test
/// assembly loads, before any test imports NetOpsPS, so the coexistence test sees the order a
/// Posh-SSH user has (Posh-SSH first), whatever order xunit runs the tests in.
/// </summary>
internal static class OtherSshModule
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "OtherSshModule");

    /// <summary>True if a NetOpsPS engine was already in the process when the other SSH.NET went in.</summary>
    public static bool NetOpsPSWasLoadedFirst { get; private set; }

#pragma warning disable CA2255 // A test assembly, not a library: the order of loads is the point.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void LoadIntoDefaultContext()
    {
        NetOpsPSWasLoadedFirst = AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name!.StartsWith("NetOpsPS.Devices", StringComparison.Ordinal));
        AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.Combine(Directory, "BouncyCastle.Cryptography.dll"));
        AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.Combine(Directory, "Renci.SshNet.dll"));
    }
}
