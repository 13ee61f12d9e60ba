using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;
using NetOpsPS.Init;
using NetOpsPS.Internal;

namespace NetOpsPS.Diagnostics;

/// <summary>
/// Get-NetOpsDependency: the engine and third-party assemblies the module ships, their versions,
/// and the load context each lives in. When another module (Posh-SSH, say) has loaded its own
/// copy of a library, this shows that NetOpsPS still uses its own.
/// </summary>
[Cmdlet(VerbsCommon.Get, "NetOpsDependency")]
[OutputType(typeof(NetOpsDependency))]
public sealed class GetNetOpsDependencyCommand : NetOpsCmdlet
{
    /// <summary>Assembly names to show; wildcards allowed.</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        ModuleLoadContext context = ModuleInitializer.Context;
        EngineProbe.LoadEngines();
        Assembly[] engines = context.Assemblies.Where(a => a.GetName().Name!.StartsWith("NetOpsPS.", StringComparison.Ordinal)).ToArray();
        WildcardPattern[] patterns = (Name ?? new[] { "*" }).Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToArray();
        foreach (string file in Directory.EnumerateFiles(context.DependencyDirectory, "*.dll").OrderBy(f => f, StringComparer.Ordinal))
        {
            AssemblyName shipped = AssemblyName.GetAssemblyName(file);
            string simple = shipped.Name!;
            if (!patterns.Any(p => p.IsMatch(simple)))
            {
                continue;
            }

            Assembly? loaded = context.Assemblies.FirstOrDefault(a => a.GetName().Name == simple);
            WriteObject(new NetOpsDependency
            {
                Name = simple,
                Version = shipped.Version?.ToString() ?? "",
                ProductVersion = FileVersionInfo.GetVersionInfo(file).ProductVersion,
                Loaded = loaded is not null,
                LoadContext = loaded is null ? null : AssemblyLoadContext.GetLoadContext(loaded)?.Name,
                UsedBy = engines.Where(e => e.GetReferencedAssemblies().Any(r => r.Name == simple)).Select(e => e.GetName().Name!).ToArray(),
                Path = file,
            });
        }
    }
}
