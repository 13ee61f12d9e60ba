using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Management.Automation;
using NetOpsPS.Module.Tests.Harness;
using Xunit;

namespace NetOpsPS.Module.Tests;

/// <summary>The built folder is a module that Import-Module and Test-ModuleManifest take as it is.</summary>
public sealed class ManifestTests
{
    [Fact]
    public void ManifestPassesTestModuleManifestWithStampedVersionAndEditions()
    {
        using PowerShellSession ps = PowerShellSession.Open(importModule: false);
        PSObject info = ps.Run("Test-ModuleManifest -Path $args[0] -ErrorAction Stop", ModulePaths.Manifest).Single();

        Assert.Equal(ModulePaths.Version, info.Get<Version>("Version").ToString(3));
        Assert.Equal("7.4", info.Get<Version>("PowerShellVersion").ToString(2));
        Assert.Equal(new[] { "Core" }, info.Get<object[]>("CompatiblePSEditions").Select(e => e.ToString()));
        var tags = info.Get<object[]>("Tags").Select(t => t.ToString()).ToArray();
        Assert.Contains("Linux", tags);
        Assert.Contains("Windows", tags);
        Assert.Contains("MacOS", tags);
    }

    [Fact]
    public void ModuleFolderHoldsExactlyTheAllowListAndEnginesOnlyUnderDependencies()
    {
        string root = ModulePaths.ModuleDirectory;
        string[] top = Directory.GetFiles(root).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray()!;
        Assert.Equal(new[] { "NetOpsPS.Init.dll", "NetOpsPS.dll", "NetOpsPS.format.ps1xml", "NetOpsPS.psd1", "NetOpsPS.types.ps1xml" }, top);
        string[] deps = Directory.GetFiles(Path.Combine(root, "Dependencies")).Select(Path.GetFileName).ToArray()!;
        Assert.Contains("NetOpsPS.Sockets.dll", deps);
        Assert.Contains("NetOpsPS.Devices.dll", deps);
        Assert.Contains("NetOpsPS.Capture.dll", deps);
        Assert.Contains("Renci.SshNet.dll", deps);
        Assert.DoesNotContain("System.Management.Automation.dll", deps);
        Assert.True(File.Exists(Path.Combine(root, "en-US", "NetOpsPS.dll-Help.xml")));
        Assert.True(File.Exists(Path.Combine(root, "en-US", "about_NetOpsPS.help.txt")));
    }

    [Fact]
    public void ExportedCmdletsAreExactlyTheCmdletClassesOfTheAssembly()
    {
        using PowerShellSession ps = PowerShellSession.Open();
        PsResult result = ps.Run(@"
            $m = Get-Module NetOpsPS
            $classes = $m.ImplementingAssembly.GetTypes() | Where-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).Count -gt 0 } |
                ForEach-Object { $a = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]; '{0}-{1}' -f $a.VerbName, $a.NounName }
            [pscustomobject]@{ Exported = [string[]]$m.ExportedCmdlets.Keys; Classes = [string[]]$classes }").AssertClean();
        string[] exported = result.Output[0].Get<string[]>("Exported").Order(StringComparer.Ordinal).ToArray();
        string[] classes = result.Output[0].Get<string[]>("Classes").Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(exported);
        Assert.Equal(classes, exported);
    }

    [Fact]
    public void EveryCmdletHasOutputTypeApprovedVerbAndFullHelp()
    {
        using PowerShellSession ps = PowerShellSession.Open();
        string[] approved = typeof(VerbsCommon).Assembly.GetTypes()
            .Where(t => t.Namespace == "System.Management.Automation" && t.Name.StartsWith("Verbs", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields()).Select(f => (string)f.GetValue(null)!).ToArray();
        PsResult commands = ps.Run("Get-Command -Module NetOpsPS").AssertClean();
        Assert.NotEmpty(commands.Output);
        string[] common = ["Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable",
            "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable"];
        foreach (PSObject command in commands.Output)
        {
            var info = (CmdletInfo)command.BaseObject;
            Assert.Contains(info.Verb, approved);
            // Read in the runspace: CmdletInfo.OutputType resolves types against the session state's current location,
            // which it could not find, once, when read from the test's thread between pipelines.
            int outputTypes = (int)ps.Run("(Get-Command -Name $args[0] -Module NetOpsPS).OutputType.Count", info.Name).Single().BaseObject;
            Assert.True(outputTypes > 0, $"{info.Name} has no [OutputType].");

            PSObject help = ps.Run("Get-Help -Name $args[0] -Full", info.Name).Single();
            string synopsis = help.Get<string>("Synopsis").Trim();
            Assert.False(string.IsNullOrWhiteSpace(synopsis), $"{info.Name}: no synopsis");
            Assert.DoesNotContain(info.Name + " ", synopsis, StringComparison.Ordinal); // the engine's fallback synopsis is the syntax line
            Assert.NotNull(help.Properties["description"]?.Value);

            string[] documented = ps.Run("(Get-Help -Name $args[0] -Full).parameters.parameter | Where-Object { $_.description } | ForEach-Object { $_.name }", info.Name)
                .AssertClean().Output.Select(o => o.ToString()).ToArray();
            foreach (string parameter in info.Parameters.Keys.Except(common))
            {
                Assert.True(documented.Contains(parameter), $"{info.Name} -{parameter} has no help text.");
            }

            int examples = (int)ps.Run("@((Get-Help -Name $args[0] -Full).examples.example).Count", info.Name).Single().BaseObject;
            Assert.True(examples >= 2, $"{info.Name} has {examples} example(s); at least two are owed.");
        }
    }

    [Fact]
    public void AboutTopicIsFoundByGetHelp()
    {
        using PowerShellSession ps = PowerShellSession.Open();
        string text = string.Concat(ps.Run("Get-Help about_NetOpsPS").AssertClean().Output.Select(o => o.ToString()));
        Assert.Contains("Start-TcpEchoServer", text, StringComparison.Ordinal);
        Assert.Contains("AssemblyLoadContext", text, StringComparison.Ordinal);
    }
}
