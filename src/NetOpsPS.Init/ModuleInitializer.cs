using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace NetOpsPS.Init;

/// <summary>
/// Hooks PowerShell's default load context so that the engine assemblies the cmdlets reference are
/// loaded from Dependencies/ through <see cref="ModuleLoadContext"/> (the pattern of the PowerShell
/// docs article "Resolving PowerShell module assembly dependency conflicts"). The hook answers only
/// for names that Dependencies/ holds. It lives in its own assembly, imported first (NestedModules),
/// because PowerShell reflects over NetOpsPS.dll's types before calling any initializer of that
/// assembly, and a cmdlet's layout can already need an engine type.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly object Gate = new();
    private static ModuleLoadContext? s_context;
    private static int s_imports;

    /// <summary>The module's load context, created on first import and kept for the process.</summary>
    public static ModuleLoadContext Context
    {
        get
        {
            lock (Gate)
            {
                if (s_context is null)
                {
                    string moduleDirectory = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)
                        ?? throw new InvalidOperationException("NetOpsPS.Init.dll has no location on disk.");
                    s_context = new ModuleLoadContext(Path.Combine(moduleDirectory, "Dependencies"));
                }

                return s_context;
            }
        }
    }

    /// <summary>Called by PowerShell when the module is imported.</summary>
    public void OnImport()
    {
        lock (Gate)
        {
            _ = Context;
            if (s_imports++ == 0)
            {
                AssemblyLoadContext.Default.Resolving += ResolveFromDependencies;
            }
        }
    }

    /// <summary>
    /// Called when a runspace removes the module. Other runspaces of the process may still use it,
    /// so the hook goes only with the last import.
    /// </summary>
    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        lock (Gate)
        {
            if (s_imports > 0 && --s_imports == 0)
            {
                AssemblyLoadContext.Default.Resolving -= ResolveFromDependencies;
            }
        }
    }

    private static Assembly? ResolveFromDependencies(AssemblyLoadContext defaultContext, AssemblyName name)
    {
        ModuleLoadContext context = Context;
        return context.Owns(name) ? context.LoadFromAssemblyName(name) : null;
    }
}
