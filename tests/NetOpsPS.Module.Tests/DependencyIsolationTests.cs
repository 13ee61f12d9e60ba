using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using NetOpsPS.Module.Tests.Harness;
using Xunit;

namespace NetOpsPS.Module.Tests;

/// <summary>
/// NetOpsPS coexists with a module that ships another SSH.NET, as Posh-SSH does: that module's
/// Renci.SshNet goes into PowerShell's default load context first; NetOpsPS's engine still binds
/// to its own 2026.0.0 from Dependencies/, and both live in this one process.
/// </summary>
public sealed class DependencyIsolationTests
{
    [Fact]
    public void EngineUsesItsOwnSshNetBesideAnOlderOneInTheDefaultContext()
    {
        Assert.False(OtherSshModule.NetOpsPSWasLoadedFirst, "NetOpsPS engines were loaded before the other SSH.NET: the order under test is lost.");
        string otherModule = MakeOtherSshModule();
        using PowerShellSession ps = PowerShellSession.Open(importModule: false);

        // 1. The other module first, as a user with Posh-SSH in the profile would have it.
        ps.Run("Import-Module -Name $args[0] -ErrorAction Stop", Path.Combine(otherModule, "OtherSsh.psd1")).AssertClean();
        PSObject other = ps.Run(@"
            $a = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Renci.SshNet' -and [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name -eq 'Default' }
            [pscustomobject]@{ Count = @($a).Count; Version = $a.GetName().Version.ToString(); Context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($a).Name
                               Works = [Renci.SshNet.PasswordConnectionInfo]::new('127.0.0.1', 'u', 'p').Host }").Single();
        Assert.Equal(1, other.Get<int>("Count"));
        Assert.StartsWith("2024.2.0", other.Get<string>("Version"), StringComparison.Ordinal);
        Assert.Equal("Default", other.Get<string>("Context"));
        Assert.Equal("127.0.0.1", other.Get<string>("Works"));

        // 2. Then NetOpsPS.
        ps.Run("Import-Module -Name $args[0] -ErrorAction Stop", ModulePaths.Manifest).AssertClean();
        PSObject dependency = ps.Run("Get-NetOpsDependency -Name Renci.SshNet").Single();
        Assert.Equal("NetOpsPS", dependency.Get<string>("LoadContext"));
        Assert.StartsWith("2026.0.0", dependency.Get<string>("ProductVersion"), StringComparison.Ordinal);
        Assert.Contains("NetOpsPS.Devices", dependency.Get<string[]>("UsedBy"));

        // 3. What the engine's own code resolved, asked of the engine itself, and both copies alive in one process.
        PSObject bound = ps.Run(@"
            $devices = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'NetOpsPS.Devices' }
            $ssh = $devices.GetType('NetOpsPS.Devices.SshLibrary').GetProperty('Assembly').GetValue($null)
            $all = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Renci.SshNet' }
            [pscustomobject]@{
                EngineContext = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($devices).Name
                SshVersion = $ssh.GetName().Version.ToString()
                SshContext = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($ssh).Name
                Copies = [string[]]($all | ForEach-Object { '{0}@{1}' -f $_.GetName().Version, [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name })
                OtherStillWorks = [Renci.SshNet.PasswordConnectionInfo]::new('::1', 'u', 'p').Host
            }").Single();
        Assert.Equal("NetOpsPS", bound.Get<string>("EngineContext"));
        Assert.StartsWith("2026.0.0", bound.Get<string>("SshVersion"), StringComparison.Ordinal);
        Assert.Equal("NetOpsPS", bound.Get<string>("SshContext"));
        string[] copies = bound.Get<string[]>("Copies");
        Assert.Equal(2, copies.Length);
        Assert.Contains(copies, c => c.StartsWith("2024.2.0", StringComparison.Ordinal) && c.EndsWith("@Default", StringComparison.Ordinal));
        Assert.Contains(copies, c => c.StartsWith("2026.0.0", StringComparison.Ordinal) && c.EndsWith("@NetOpsPS", StringComparison.Ordinal));
        Assert.Equal("::1", bound.Get<string>("OtherStillWorks"));

        // 4. And NetOpsPS's cmdlets work in that process.
        PSObject probe = ps.Run("$s = Start-TcpEchoServer; try { $s | Test-TcpPort } finally { $s | Stop-TcpServer }").Single();
        Assert.Equal("Open", probe.Get<object>("Status").ToString());
    }

    /// <summary>A module laid out like Posh-SSH: a manifest whose RequiredAssemblies load its SSH.NET into the default context.</summary>
    private static string MakeOtherSshModule()
    {
        string source = OtherSshModule.Directory;
        string folder = Path.Combine(Path.GetTempPath(), "netopsps-othersshmodule-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (string dll in Directory.GetFiles(source, "*.dll"))
        {
            File.Copy(dll, Path.Combine(folder, Path.GetFileName(dll)));
        }

        File.WriteAllText(Path.Combine(folder, "OtherSsh.psd1"), """
            @{
                ModuleVersion = '1.0.0'
                GUID = '0e0ef1c4-8a3b-4d7e-9a55-2f4b51b0c001'
                RequiredAssemblies = @('BouncyCastle.Cryptography.dll', 'Renci.SshNet.dll')
                CmdletsToExport = @()
                FunctionsToExport = @()
            }
            """);
        return folder;
    }
}
