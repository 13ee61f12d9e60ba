using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using NetOpsPS.Devices.Netconf;
using Xunit;

namespace NetOpsPS.Devices.Tests.Netconf;

public sealed class NetconfOperationTests(NetconfPeerFixture peer) : IClassFixture<NetconfPeerFixture>
{
    private static readonly XNamespace Sys = "urn:ietf:params:xml:ns:yang:ietf-system";
    private static readonly XNamespace If = "urn:ietf:params:xml:ns:yang:ietf-interfaces";

    private static XElement Description(string name, string text) =>
        new(If + "interfaces", new XElement(If + "interface", new XElement(If + "name", name), new XElement(If + "description", text)));

    private static async Task<string?> DescriptionAsync(NetconfSession session, NetconfDatastore datastore, string name) =>
        (await session.GetConfigAsync(datastore)).Descendants(If + "interface")
            .FirstOrDefault(i => i.Element(If + "name")?.Value == name)?.Element(If + "description")?.Value;

    [Fact]
    public async Task Subtree_and_xpath_filters_select_only_what_they_name()
    {
        await using NetconfSession session = await peer.ConnectAsync();

        XElement subtree = await session.GetConfigAsync(NetconfDatastore.Running, NetconfFilter.FromSubtree(
            """<system xmlns="urn:ietf:params:xml:ns:yang:ietf-system"><location/></system>"""));
        XElement xpath = await session.GetConfigAsync(NetconfDatastore.Running, NetconfFilter.FromXPath(
            "/if:interfaces/if:interface[if:name='test1']", new Dictionary<string, string> { ["if"] = If.NamespaceName }));

        XElement system = Assert.Single(subtree.Elements());
        Assert.Equal(Sys + "system", system.Name);
        Assert.Equal("PeersLab rack 2", Assert.Single(system.Elements()).Value);
        XElement only = Assert.Single(xpath.Descendants(If + "interface"));
        Assert.Equal("test1", only.Element(If + "name")!.Value);
        Assert.Empty(xpath.Descendants(Sys + "system"));
    }

    [Fact]
    public async Task A_lock_held_by_one_session_is_a_typed_lock_denied_for_another_naming_the_holder()
    {
        await using NetconfSession holder = await peer.ConnectAsync();
        await using NetconfSession other = await peer.ConnectAsync();
        await holder.LockAsync(NetconfDatastore.Candidate);
        try
        {
            var ex = await Assert.ThrowsAsync<NetconfRpcException>(() =>
                other.ApplyConfigAsync(new NetconfApplyOptions { Config = Description("test1", "should not land") }));

            Assert.Equal("lock-denied", ex.Tag);
            NetconfRpcError error = ex.Errors.First(e => e.IsError);
            Assert.Equal("protocol", error.Type);
            Assert.Contains(holder.SessionId.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Info, StringComparison.Ordinal);
        }
        finally
        {
            await holder.UnlockAsync(NetconfDatastore.Candidate);
        }

        Assert.Equal("fixture spare", await DescriptionAsync(other, NetconfDatastore.Running, "test1"));
    }

    [Fact]
    public async Task An_invalid_value_is_a_typed_rpc_error_and_the_candidate_is_discarded()
    {
        await using NetconfSession session = await peer.ConnectAsync();
        var bad = new XElement(If + "interfaces", new XElement(If + "interface", new XElement(If + "name", "test0"), new XElement(If + "enabled", "maybe")));

        var ex = await Assert.ThrowsAsync<NetconfRpcException>(() => session.ApplyConfigAsync(new NetconfApplyOptions { Config = bad }));

        Assert.Equal("edit-config", ex.Operation);
        NetconfRpcError error = ex.Errors.First(e => e.IsError);
        Assert.Equal("invalid-value", error.Tag);
        Assert.Equal("protocol", error.Type);
        Assert.Equal("error", error.Severity);
        Assert.Contains("enabled", error.Path, StringComparison.Ordinal);
        Assert.False((await session.CompareAsync()).HasChanges);
    }

    [Fact]
    public async Task Discard_changes_drops_an_edit_the_candidate_held()
    {
        await using NetconfSession session = await peer.ConnectAsync();
        await session.EditConfigAsync(new NetconfEditOptions { Config = Description("test1", "to be discarded") });
        Assert.Equal("to be discarded", await DescriptionAsync(session, NetconfDatastore.Candidate, "test1"));

        await session.DiscardChangesAsync();

        Assert.Equal("fixture spare", await DescriptionAsync(session, NetconfDatastore.Candidate, "test1"));
    }

    [Fact]
    public async Task A_confirmed_commit_rolls_back_by_itself_when_no_confirming_commit_comes()
    {
        await using NetconfSession session = await peer.ConnectAsync();

        NetconfApplyResult result = await session.ApplyConfigAsync(new NetconfApplyOptions
        {
            Config = Description("test0", "confirmed, then rolled back"),
            ConfirmTimeout = TimeSpan.FromSeconds(2),
        });

        Assert.Equal(NetconfApplyOutcome.PendingConfirmation, result.Outcome);
        Assert.Equal("confirmed, then rolled back", await DescriptionAsync(session, NetconfDatastore.Running, "test0"));
        // Poll the server's own view: the rollback is the server's timer, not ours. netconfd 2.13 checks its
        // confirmed-commit timer only when idle and coarsely (about 15 s late here), so the polls are spaced.
        var clock = Stopwatch.StartNew();
        string? now;
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            now = await DescriptionAsync(session, NetconfDatastore.Running, "test0");
        }
        while (now != "fixture uplink" && clock.Elapsed < TimeSpan.FromSeconds(90));

        Assert.Equal("fixture uplink", now);
    }

    [Fact]
    public async Task A_confirmed_commit_with_persist_is_confirmed_from_another_session()
    {
        string value = "persisted " + Guid.NewGuid().ToString("N")[..6];
        NetconfApplyResult result;
        await using (NetconfSession first = await peer.ConnectAsync())
        {
            result = await first.ApplyConfigAsync(new NetconfApplyOptions
            {
                Config = Description("test1", value),
                ConfirmTimeout = TimeSpan.FromSeconds(120),
                Persist = "job-42",
            });
        }

        Assert.Equal("job-42", result.PersistId);
        await using NetconfSession second = await peer.ConnectAsync();
        await second.ConfirmCommitAsync("job-42");
        Assert.Equal(value, await DescriptionAsync(second, NetconfDatastore.Running, "test1"));

        // Nothing is pending any more: cancelling is an error now.
        await Assert.ThrowsAsync<NetconfRpcException>(() => second.CancelCommitAsync("job-42"));
        await second.ApplyConfigAsync(new NetconfApplyOptions { Config = Description("test1", "fixture spare") });
    }

    [Fact]
    public async Task Cancel_commit_rolls_a_pending_confirmed_commit_back_at_once()
    {
        await using NetconfSession session = await peer.ConnectAsync();
        await session.ApplyConfigAsync(new NetconfApplyOptions
        {
            Config = Description("test0", "about to be cancelled"),
            ConfirmTimeout = TimeSpan.FromSeconds(120),
            Persist = "cancel-me",
        });

        await session.CancelCommitAsync("cancel-me");

        Assert.Equal("fixture uplink", await DescriptionAsync(session, NetconfDatastore.Running, "test0"));
    }

    [Fact]
    public async Task A_refused_confirmation_discards_and_leaves_running_alone()
    {
        await using NetconfSession session = await peer.ConnectAsync();
        NetconfConfigDiff? shown = null;

        NetconfApplyResult result = await session.ApplyConfigAsync(new NetconfApplyOptions
        {
            Config = Description("test0", "declined"),
            ConfirmCommit = diff =>
            {
                shown = diff;
                return false;
            },
        });

        Assert.Equal(NetconfApplyOutcome.Declined, result.Outcome);
        Assert.Equal("/interfaces/interface[name='test0']/description", Assert.Single(shown!.Entries).Path);
        Assert.Equal("fixture uplink", await DescriptionAsync(session, NetconfDatastore.Running, "test0"));
        Assert.False((await session.CompareAsync()).HasChanges);
    }

    [Fact]
    public async Task Applying_what_running_already_holds_is_no_change_and_commits_nothing()
    {
        await using NetconfSession session = await peer.ConnectAsync();

        NetconfApplyResult result = await session.ApplyConfigAsync(new NetconfApplyOptions { Config = Description("test0", "fixture uplink") });

        Assert.Equal(NetconfApplyOutcome.NoChanges, result.Outcome);
        Assert.DoesNotContain(result.Steps, s => s.Operation.StartsWith("commit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Any_rpc_goes_through_and_unnamespaced_elements_are_netconf_base()
    {
        await using NetconfSession session = await peer.ConnectAsync();

        NetconfReply reply = await session.RpcAsync("<get-config><source><running/></source></get-config>");

        Assert.NotNull(reply.Data);
        Assert.Contains(reply.Data!.Descendants(Sys + "contact"), c => c.Value == "noc@example.test");
    }
}
