using System.Linq;
using System.Xml.Linq;
using NetOpsPS.Devices.Netconf;
using Xunit;

namespace NetOpsPS.Devices.Tests.Netconf;

/// <summary>The diff alone, on XML written here (no device needed: it is pure computation).</summary>
public sealed class NetconfConfigDiffTests
{
    private const string If = "urn:ietf:params:xml:ns:yang:ietf-interfaces";

    private static XElement Interfaces(params (string Name, string? Description)[] entries) =>
        new(XName.Get("data", NetconfNamespaces.Base), new XElement(XName.Get("interfaces", If), entries.Select(e =>
            new XElement(XName.Get("interface", If), new XElement(XName.Get("name", If), e.Name),
                e.Description is null ? null : new XElement(XName.Get("description", If), e.Description)))));

    [Fact]
    public void List_entries_are_matched_by_key_whatever_their_order()
    {
        var diff = NetconfConfigDiff.Compare(Interfaces(("eth0", "a"), ("eth1", "b")), Interfaces(("eth1", "b"), ("eth0", "a")));

        Assert.False(diff.HasChanges);
        Assert.Equal("no changes", diff.Summary);
    }

    [Fact]
    public void Added_removed_and_changed_nodes_are_named_by_their_keys()
    {
        var diff = NetconfConfigDiff.Compare(Interfaces(("eth0", "old"), ("eth1", null)), Interfaces(("eth0", "new"), ("eth2", null)), "running", "candidate");

        Assert.Equal(
            new[] { "Changed /interfaces/interface[name='eth0']/description", "Removed /interfaces/interface[name='eth1']", "Added /interfaces/interface[name='eth2']" },
            diff.Entries.Select(e => $"{e.Kind} {e.Path}"));
        Assert.Equal("1 added, 1 removed, 1 changed", diff.Summary);
        string text = diff.ToString();
        Assert.StartsWith("--- running\n+++ candidate\n~ /interfaces/interface[name='eth0']/description: 'old' -> 'new'", text, System.StringComparison.Ordinal);
        Assert.Contains("+     <interface>", text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Leaf_list_entries_are_named_by_value()
    {
        XElement Servers(params string[] names) => new("dns", names.Select(n => new XElement("server", n)));

        var diff = NetconfConfigDiff.Compare(Servers("192.0.2.1", "192.0.2.2"), Servers("192.0.2.2", "192.0.2.3"));

        Assert.Equal(new[] { "Removed /dns/server[.='192.0.2.1']", "Added /dns/server[.='192.0.2.3']" }, diff.Entries.Select(e => $"{e.Kind} {e.Path}"));
    }
}
