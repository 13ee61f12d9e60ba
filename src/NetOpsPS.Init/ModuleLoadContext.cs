using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace NetOpsPS.Init;

/// <summary>
/// The module's own load context for the engines and their third-party libraries in Dependencies/.
/// Another module may already have put a different Renci.SshNet (Posh-SSH ships one) or
/// BouncyCastle into PowerShell's default context; this context binds NetOpsPS's engines to the
/// copies the module ships, so both live side by side in one process.
/// </summary>
public sealed class ModuleLoadContext : AssemblyLoadContext
{
    private readonly string _dependencyDirectory;

    internal ModuleLoadContext(string dependencyDirectory)
        : base("NetOpsPS", isCollectible: false)
    {
        _dependencyDirectory = dependencyDirectory;
    }

    public string DependencyDirectory => _dependencyDirectory;

    /// <summary>True when Dependencies/ holds an assembly of this simple name.</summary>
    public bool Owns(AssemblyName name) => name.Name is { Length: > 0 } simple && File.Exists(PathOf(simple));

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // Anything the module does not ship (the framework, System.Management.Automation) falls
        // back to the default context by returning null.
        return Owns(assemblyName) ? LoadFromAssemblyPath(PathOf(assemblyName.Name!)) : null;
    }

    private string PathOf(string simpleName) => Path.Combine(_dependencyDirectory, simpleName + ".dll");
}
