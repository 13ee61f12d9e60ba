using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using NetOpsPS.Module.Tests.Harness;
using Xunit;

namespace NetOpsPS.Module.Tests;

/// <summary>Import-NetInventory through the real engine: YAML inheritance and filters, CSV-shaped rows, clear errors.</summary>
public sealed class InventoryCmdletTests : IDisposable
{
    private readonly PowerShellSession _ps = PowerShellSession.Open();
    private readonly string _dir = Directory.CreateTempSubdirectory("inventory-cmdlet-").FullName;

    public InventoryCmdletTests()
    {
        File.WriteAllText(Path.Combine(_dir, "hosts.yaml"), """
            ams-r1:
              hostname: 192.0.2.1
              groups: [edge]
              data: { site: ams }
            fra-r1:
              groups: [core]
              data: { site: fra }
            lab-r9:
              data: { site: lab }
            """);
        File.WriteAllText(Path.Combine(_dir, "groups.yaml"), """
            edge:
              groups: [europe]
              data: { role: edge }
            core:
              groups: [europe]
              port: 2830
              data: { role: core }
            europe:
              credential: eu-admin
              data: { ntp: 10.0.0.2 }
            """);
        File.WriteAllText(Path.Combine(_dir, "defaults.yaml"), "port: 830\ndata: { ntp: 10.0.0.9, role: none }\n");
    }

    public void Dispose()
    {
        _ps.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void AFolderGivesTypedDevicesWithInheritanceAndFiltersByGroupAndData()
    {
        PsResult all = _ps.Run("Import-NetInventory -Path $args[0]", _dir).AssertClean();
        Assert.Equal(["ams-r1", "fra-r1", "lab-r9"], all.Output.Select(o => o.Get<string>("Name")));
        PSObject ams = all.Output[0];
        Assert.Equal("NetOpsPS.Devices.Inventory.NetDevice", ams.TypeName());
        Assert.Equal(830, ams.Get<int?>("Port"));
        Assert.Equal("eu-admin", ams.Get<string>("CredentialName"));
        Assert.Equal("10.0.0.2", _ps.Run("(Import-NetInventory -Path $args[0] -Name ams-*).Data.ntp", _dir).Single().BaseObject);
        Assert.Equal(2830, all.Output[1].Get<int?>("Port"));
        Assert.Null(all.Output[2].Get<string?>("CredentialName"));

        PsResult europe = _ps.Run("Import-NetInventory -Path $args[0] -Group europe -Data @{ role = 'c*' }", _dir).AssertClean();
        Assert.Equal("fra-r1", Assert.Single(europe.Output).Get<string>("Name"));
    }

    [Fact]
    public void CsvShapedRowsInheritFromAGroupFileWhereTheirCellsAreEmpty()
    {
        PsResult result = _ps.Run("""
            @(
              [pscustomobject]@{ Name = 'r1'; Hostname = '127.0.0.1'; Port = '1830'; Groups = 'core'; CredentialName = ''; vlan = '10' }
              [pscustomobject]@{ Name = 'r2'; Hostname = ''; Port = ''; Groups = 'edge;core'; CredentialName = 'other'; vlan = '' }
            ) | Import-NetInventory -GroupPath ([IO.Path]::Combine($args[0], 'groups.yaml')) -DefaultPath ([IO.Path]::Combine($args[0], 'defaults.yaml'))
            """, _dir).AssertClean();

        PSObject r1 = result.Output[0];
        Assert.Equal(1830, r1.Get<int?>("Port"));
        Assert.Equal("eu-admin", r1.Get<string>("CredentialName"));
        Assert.Equal("10", _ps.Run("$args[0].Data.vlan", r1).Single().BaseObject);
        PSObject r2 = result.Output[1];
        Assert.Equal("r2", r2.Get<string>("Hostname"));
        Assert.Equal(2830, r2.Get<int?>("Port"));
        Assert.Equal("other", r2.Get<string>("CredentialName"));
        Assert.Equal(["edge", "core"], r2.Get<string[]>("Groups"));
        Assert.Equal("edge", _ps.Run("$args[0].Data.role", r2).Single().BaseObject);
        Assert.Equal(false, _ps.Run("$args[0].Data.ContainsKey('vlan')", r2).Single().BaseObject);
    }

    [Fact]
    public void BadYamlIsATerminatingErrorNamingTheFileAndLine()
    {
        File.WriteAllText(Path.Combine(_dir, "broken.yaml"), "r1:\n  hostname: a\n  groups: [edge\nr2: {}\n");
        PsResult result = _ps.Run("Import-NetInventory -Path $args[0]", Path.Combine(_dir, "broken.yaml"));
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("InventoryYamlSyntax", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Matches(@"broken\.yaml line \d+, column \d+", error.Exception.Message);
    }

    [Fact]
    public void ARowWithoutANameIsANonTerminatingErrorAndTheOthersStillCome()
    {
        PsResult result = _ps.Run("@([pscustomobject]@{ Hostname = 'x' }, [pscustomobject]@{ Name = 'ok' }) | Import-NetInventory");
        Assert.Equal("ok", Assert.Single(result.Output).Get<string>("Name"));
        Assert.Equal(["InventoryInvalidField"], result.ErrorIds);
    }

    [Fact]
    public void ARowWithABadPortIsANonTerminatingInvalidFieldError()
    {
        PsResult result = _ps.Run("@([pscustomobject]@{ Name = 'r1'; Port = '70000' }, [pscustomobject]@{ Name = 'ok'; Port = '830' }) | Import-NetInventory");
        Assert.Equal(830, Assert.Single(result.Output).Get<int?>("Port"));
        Assert.Equal(["InventoryInvalidField"], result.ErrorIds);
        Assert.Contains("Port must be a number from 1 to 65535, not '70000'", result.Errors[0].Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoRowsWithTheSameNameAreATerminatingDuplicateHostError()
    {
        PsResult result = _ps.Run("@([pscustomobject]@{ Name = 'r1' }, [pscustomobject]@{ Name = 'r1'; Hostname = 'x' }) | Import-NetInventory");
        Assert.Empty(result.Output);
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("InventoryDuplicateHost", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("'r1'", error.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APasswordInTheInventoryIsRefused()
    {
        File.WriteAllText(Path.Combine(_dir, "secret.yaml"), "r1:\n  password: hunter2\n");
        PsResult result = _ps.Run("Import-NetInventory -Path $args[0]", Path.Combine(_dir, "secret.yaml"));
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("InventorySecretInInventory", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.DoesNotContain("hunter2", error.Exception.Message, StringComparison.Ordinal);
    }
}
