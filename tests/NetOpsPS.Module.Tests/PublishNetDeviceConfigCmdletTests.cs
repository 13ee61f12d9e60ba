using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using NetOpsPS.Module.Tests.Harness;
using Xunit;

namespace NetOpsPS.Module.Tests;

/// <summary>Publish-NetDeviceConfig through the real engine against three real netconfd peers, read back with ncclient.</summary>
public sealed partial class PublishNetDeviceConfigCmdletTests : IClassFixture<PublishPeers>, IDisposable
{
    // Devices from CSV-shaped rows; the credential is named in the rows and given in a table, never stored.
    private const string Devices = """
        $tag = $args[1]
        $devices = @($args[0] | ForEach-Object -Begin { $i = 0 } -Process {
            [pscustomobject]@{ Name = "dev$i"; Hostname = '127.0.0.1'; Port = "$_"; CredentialName = 'lab'; contact = "$tag-dev$i" }
            $i++
        }) | Import-NetInventory
        $table = @{ lab = [pscredential]::new($args[2], [Net.NetworkCredential]::new('', $args[3]).SecurePassword) }

        """;

    private const string Template = "<system xmlns=\"urn:ietf:params:xml:ns:yang:ietf-system\"><contact>{{ contact }}</contact></system>";

    private readonly PublishPeers _peers;
    private readonly PowerShellSession _ps = PowerShellSession.Open();
    private readonly string _tag = "m" + Guid.NewGuid().ToString("N")[..8];

    public PublishNetDeviceConfigCmdletTests(PublishPeers peers) => _peers = peers;

    public void Dispose() => _ps.Dispose();

    [Fact]
    public void InventoryDevicesPipeInAndEveryOneIsCommittedAsNcclientSees()
    {
        string log = Path.Combine(Path.GetTempPath(), _tag + ".jsonl");
        PsResult result = Run($"$devices | Publish-NetDeviceConfig -Template $args[4] -CredentialTable $table -KnownHostsPath $args[5] -LogPath $args[6] -ThrottleLimit 3", log);

        result.AssertClean();
        Assert.Equal(3, result.Output.Count);
        foreach (PSObject r in result.Output)
        {
            Assert.Equal("NetOpsPS.Devices.Push.NetDevicePushResult", r.TypeName());
            Assert.Equal("Committed", r.Get<object>("Status").ToString());
            Assert.Equal("Passed", r.Get<object>("Validation").ToString());
            Assert.Contains(_tag, r.Get<string>("RenderedConfig"), StringComparison.Ordinal);
        }

        for (int i = 0; i < 3; i++)
        {
            var state = _peers.State(_peers.Ports[i]);
            Assert.Equal($"{_tag}-dev{i}", state.Contact);
            Assert.True(state.CandidateClean);
        }

        string[] lines = File.ReadAllLines(log);
        File.Delete(log);
        Assert.All(lines, l => JsonDocument.Parse(l).Dispose());
        Assert.Equal(3, lines.Count(l => l.Contains("\"step\":\"commit\",\"outcome\":\"ok\"", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.Contains(PublishPeers.Password, StringComparison.Ordinal));
        Assert.Equal(ProgressRecordType.Completed, result.Progress[^1].RecordType);
    }

    [Fact]
    public void WhatIfIsADryRunWithDiffsThatChangesNothing()
    {
        string?[] before = _peers.Ports.Select(p => _peers.State(p).Contact).ToArray();
        PsResult result = Run("$devices | Publish-NetDeviceConfig -Template $args[4] -CredentialTable $table -KnownHostsPath $args[5] -WhatIf").AssertClean();

        Assert.Equal(3, result.Output.Count);
        Assert.All(result.Output, r => Assert.Equal("DryRun", r.Get<object>("Status").ToString()));
        Assert.All(result.Output, r => Assert.Contains(_tag, r.Get<object>("Diff").ToString(), StringComparison.Ordinal));
        for (int i = 0; i < 3; i++)
        {
            var state = _peers.State(_peers.Ports[i]);
            Assert.Equal(before[i], state.Contact);
            Assert.True(state.CandidateClean);
        }
    }

    [Fact]
    public void AScriptblockThatFailsForOneDeviceFailsOnlyThatDevice()
    {
        string? before = _peers.State(_peers.Ports[1]).Contact;
        PsResult result = Run("""
            $devices | Publish-NetDeviceConfig -CredentialTable $table -KnownHostsPath $args[5] -ScriptBlock {
                if ($_.Name -eq 'dev1') { throw 'no config for dev1' }
                "<system xmlns='urn:ietf:params:xml:ns:yang:ietf-system'><contact>$($_.Data.contact)</contact></system>"
            }
            """);

        Assert.Equal(3, result.Output.Count);
        PSObject failed = Assert.Single(result.Output, r => r.Get<string>("Device") == "dev1");
        Assert.Equal("Failed", failed.Get<object>("Status").ToString());
        Assert.Equal("Render", failed.Get<object>("Step").ToString());
        Assert.Contains("no config for dev1", failed.Get<string>("Error"), StringComparison.Ordinal);
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("PushTemplateFailed", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Equal(before, _peers.State(_peers.Ports[1]).Contact);
        Assert.Equal($"{_tag}-dev2", _peers.State(_peers.Ports[2]).Contact);
    }

    [Fact]
    public void ACredentialNameMissingFromTheTableFailsThatDeviceWithoutContactingIt()
    {
        PsResult result = Run("$devices | Publish-NetDeviceConfig -Template $args[4] -CredentialTable @{} -KnownHostsPath $args[5]");
        Assert.Equal(3, result.Output.Count);
        Assert.All(result.Output, r => Assert.Equal("Failed", r.Get<object>("Status").ToString()));
        Assert.All(result.ErrorIds, id => Assert.Equal("PushCredentialNotFound", id));
        Assert.Equal(3, result.Errors.Count);
    }

    [Fact]
    public void ATemplateThatDoesNotParseIsATerminatingError()
    {
        PsResult result = Run("$devices | Publish-NetDeviceConfig -Template '{% if %}' -CredentialTable $table");
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("PushTemplateInvalid", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void CtrlCMidBatchLeavesEveryDeviceCommittedOrUnchangedAndUnlocked()
    {
        string?[] before = _peers.Ports.Select(p => _peers.State(p).Contact).ToArray();
        (PsResult result, _) = _ps.RunAndStop(
            Devices + "$devices | Publish-NetDeviceConfig -Template $args[4] -CredentialTable $table -KnownHostsPath $args[5] -ThrottleLimit 1 -Verbose",
            message => message.StartsWith("dev0: Committed", StringComparison.Ordinal),
            TimeSpan.FromSeconds(120),
            _peers.Ports.ToArray(), _tag, PublishPeers.User, PublishPeers.Password, Template, _peers.KnownHostsPath);

        Assert.IsType<PipelineStoppedException>(result.Terminating);
        int committed = 0;
        for (int i = 0; i < 3; i++)
        {
            var state = _peers.State(_peers.Ports[i]);
            Assert.True(state.CandidateClean, $"dev{i} left a locked or edited candidate");
            Assert.True(state.Contact == before[i] || state.Contact == $"{_tag}-dev{i}", $"dev{i}: {state.Contact}");
            committed += state.Contact == $"{_tag}-dev{i}" ? 1 : 0;
        }

        Assert.Equal($"{_tag}-dev0", _peers.State(_peers.Ports[0]).Contact);
        Assert.True(committed < 3, "the stop came after every device was committed");
    }

    [Fact]
    public void RenderOnlyContactsNoDeviceAndChecksTheXml()
    {
        PsResult result = Run("$devices | Publish-NetDeviceConfig -Template '<system>{{ contact }}' -RenderOnly");
        Assert.All(result.Output, r => Assert.Equal("Failed", r.Get<object>("Status").ToString()));
        Assert.Contains("not well-formed XML", result.Output[0].Get<string>("Error"), StringComparison.Ordinal);

        PsResult good = Run("$devices | Publish-NetDeviceConfig -Template $args[4] -RenderOnly").AssertClean();
        Assert.All(good.Output, r => Assert.Equal("Rendered", r.Get<object>("Status").ToString()));
    }

    private PsResult Run(string script, string? extra = null) =>
        _ps.Run(Devices + script, _peers.Ports.ToArray(), _tag, PublishPeers.User, PublishPeers.Password, Template, _peers.KnownHostsPath, extra);
}
