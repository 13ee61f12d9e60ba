using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using NetOpsPS.Module.Tests.Harness;
using NetOpsPS.TestSupport.Peers;
using Xunit;

namespace NetOpsPS.Module.Tests;

/// <summary>One real netconfd (candidate target) behind sshd for the NETCONF cmdlet tests.</summary>
public sealed class NetconfdFixture : IAsyncLifetime
{
    public Peer Peer { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Peer = Peer.StartNetconf(NetconfTarget.Candidate);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Peer.DisposeAsync();
}

/// <summary>The NETCONF cmdlets through the real engine against netconfd.</summary>
public sealed class NetconfCmdletTests(NetconfdFixture fixture) : IClassFixture<NetconfdFixture>, IDisposable
{
    private const string Connect =
        "$s = Connect-NetconfSession -HostName 127.0.0.1 -Port $args[0] -UserName $args[1] -KeyFile $args[2] -KnownHostsPath $args[3]\n";

    private const string Contact = "'<system xmlns=\"urn:ietf:params:xml:ns:yang:ietf-system\"><contact>{0}</contact></system>'";

    private readonly PowerShellSession _ps = PowerShellSession.Open();

    public void Dispose() => _ps.Dispose();

    private PsResult Run(string script) =>
        _ps.Run(Connect + script, fixture.Peer.Port, Peer.LoginUser, fixture.Peer.ClientKeyPath, fixture.Peer.KnownHostsPath);

    [Fact]
    public void A_session_has_typed_capabilities_and_a_filtered_config_walks_as_xml()
    {
        PsResult result = Run(@"
            $s.Capabilities.BaseVersion
            $s.Capabilities.Candidate
            $c = $s | Get-NetconfConfig -Filter '<system xmlns=""urn:ietf:params:xml:ns:yang:ietf-system""/>'
            $c.Xml.system.location
            $c.TopLevel
            $s | Disconnect-NetconfSession
            @(Get-NetconfSession).Count").AssertClean();

        Assert.Equal(new object[] { "1.1", true, "PeersLab rack 2", "system", 0 }, result.Output.Select(o => o.BaseObject).ToArray());
    }

    [Fact]
    public void WhatIf_is_a_dry_run_on_the_device_that_returns_the_diff_and_leaves_running_alone()
    {
        PsResult result = Run($@"
            $r = $s | Invoke-NetconfEdit -Config ({string.Format(System.Globalization.CultureInfo.InvariantCulture, Contact, "whatif@example.test")}) -WhatIf
            $r.Outcome.ToString()
            $r.Validated
            $r.Diff.Entries[0].Path
            $r.Diff.Entries[0].NewValue
            ($s | Get-NetconfConfig).Xml.system.contact
            ($s | Compare-NetconfConfig).HasChanges").AssertClean();

        Assert.Equal(new object[] { "DryRun", true, "/system/contact", "whatif@example.test", "noc@example.test", false }, result.Output.Select(o => o.BaseObject).ToArray());
    }

    [Fact]
    public void An_edit_from_a_file_commits_and_an_xml_document_puts_it_back()
    {
        string value = "commit-" + Guid.NewGuid().ToString("N")[..8] + "@example.test";
        string file = fixture.Peer.PathOf("change.xml");
        System.IO.File.WriteAllText(file, string.Format(System.Globalization.CultureInfo.InvariantCulture, Contact.Trim('\''), value));
        PsResult result = Run($@"
            $r = $s | Invoke-NetconfEdit -Path '{file}'
            $r.Outcome.ToString()
            ($s | Get-NetconfConfig -Source Running).Xml.system.contact
            $back = [xml]{string.Format(System.Globalization.CultureInfo.InvariantCulture, Contact, "noc@example.test")}
            $undo = $s | Invoke-NetconfEdit -Config $back
            $undo.Outcome.ToString()
            $undo.Diff.Entries[0].OldValue").AssertClean();

        Assert.Equal(new object[] { "Committed", value, "Committed", value }, result.Output.Select(o => o.BaseObject).ToArray());
    }

    [Fact]
    public void An_invalid_value_is_a_typed_rpc_error_with_the_servers_fields()
    {
        PsResult result = Run(@"
            $s | Invoke-NetconfEdit -Config '<interfaces xmlns=""urn:ietf:params:xml:ns:yang:ietf-interfaces""><interface><name>test0</name><enabled>maybe</enabled></interface></interfaces>'
            ($s | Compare-NetconfConfig).HasChanges");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("NetconfRpcInvalidValue,NetOpsPS.Netconf.InvokeNetconfEditCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        var rpcError = PSObject.AsPSObject(((System.Collections.IEnumerable)PSObject.AsPSObject(error.Exception).Properties["Errors"].Value).Cast<object>().First());
        Assert.Equal("invalid-value", rpcError.Get<string>("Tag"));
        Assert.Contains("enabled", rpcError.Get<string>("Path"), StringComparison.Ordinal);
        Assert.False((bool)result.Output.Single().BaseObject);
    }

    [Fact]
    public void A_malformed_compare_filter_is_a_terminating_error_with_a_stable_id()
    {
        PsResult result = Run("$s | Compare-NetconfConfig -Filter '<system xmlns=\"urn:ietf:params:xml:ns:yang:ietf-system\"'");

        ErrorRecord error = result.Terminating is IContainsErrorRecord record ? record.ErrorRecord : Assert.Single(result.Errors);
        Assert.Equal("NetconfInvalidArgument,NetOpsPS.Netconf.CompareNetconfConfigCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void Compare_takes_sessions_only_in_its_session_parameter_set()
    {
        PsResult result = _ps.Run("(Get-Command Compare-NetconfConfig).Parameters['Session'].ParameterSets.Keys").AssertClean();

        Assert.Equal(new object[] { "Session" }, result.Output.Select(o => o.BaseObject).ToArray());
    }

    [Fact]
    public void A_candidate_locked_by_another_session_is_a_resource_busy_error()
    {
        PsResult result = Run($@"
            $holder = Connect-NetconfSession -HostName 127.0.0.1 -Port $args[0] -UserName $args[1] -KeyFile $args[2] -KnownHostsPath $args[3] -Name holder
            ($holder | Invoke-NetconfRpc -Rpc '<lock><target><candidate/></target></lock>').Ok
            $s | Invoke-NetconfEdit -Config ({string.Format(System.Globalization.CultureInfo.InvariantCulture, Contact, "locked-out@example.test")})
            ($holder | Invoke-NetconfRpc -Rpc '<unlock><target><candidate/></target></unlock>').Ok");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("NetconfRpcLockDenied,NetOpsPS.Netconf.InvokeNetconfEditCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceBusy, error.CategoryInfo.Category);
        Assert.Equal(new object[] { true, true }, result.Output.Select(o => o.BaseObject).ToArray());
    }
}
