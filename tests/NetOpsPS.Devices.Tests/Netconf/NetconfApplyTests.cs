using System;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using NetOpsPS.Devices.Netconf;
using Xunit;

namespace NetOpsPS.Devices.Tests.Netconf;

public sealed class NetconfApplyTests(NetconfPeerFixture peer) : IClassFixture<NetconfPeerFixture>
{
    private static readonly XNamespace Sys = "urn:ietf:params:xml:ns:yang:ietf-system";
    private static readonly XNamespace If = "urn:ietf:params:xml:ns:yang:ietf-interfaces";

    private static XElement Contact(string value) => new(Sys + "system", new XElement(Sys + "contact", value));

    private static XElement Interface(string name, string description) =>
        new(If + "interfaces", new XElement(If + "interface",
            new XElement(If + "name", name),
            new XElement(If + "description", description),
            new XElement(If + "type", new XAttribute(XNamespace.Xmlns + "ianaift", "urn:ietf:params:xml:ns:yang:iana-if-type"), "ianaift:ethernetCsmacd")));

    private static async Task<string> RunningContactAsync(NetconfSession session) =>
        (await session.GetConfigAsync(NetconfDatastore.Running)).Descendants(Sys + "contact").Single().Value;

    [Fact]
    public async Task Dry_run_returns_the_diff_and_leaves_running_and_candidate_alone()
    {
        await using NetconfSession session = await peer.ConnectAsync();
        string before = await RunningContactAsync(session);

        NetconfApplyResult result = await session.ApplyConfigAsync(new NetconfApplyOptions { Config = Contact("dry-run@example.test"), DryRun = true });

        Assert.Equal(NetconfApplyOutcome.DryRun, result.Outcome);
        NetconfDiffEntry change = Assert.Single(result.Diff.Entries);
        Assert.Equal(NetconfDiffKind.Changed, change.Kind);
        Assert.Equal("/system/contact", change.Path);
        Assert.Equal(before, change.OldValue);
        Assert.Equal("dry-run@example.test", change.NewValue);
        Assert.Equal(before, await RunningContactAsync(session));
        Assert.False((await session.CompareAsync()).HasChanges);
        Assert.Contains(result.Steps, s => s.Operation == "discard-changes" && s.Succeeded);
    }

    [Fact]
    public async Task Apply_commits_to_running_and_a_second_session_sees_it()
    {
        await using NetconfSession session = await peer.ConnectAsync();
        string name = "apply" + Guid.NewGuid().ToString("N")[..6];

        NetconfApplyResult result = await session.ApplyConfigAsync(new NetconfApplyOptions { Config = Interface(name, "added by apply") });

        Assert.Equal(NetconfApplyOutcome.Committed, result.Outcome);
        NetconfDiffEntry added = Assert.Single(result.Diff.Entries);
        Assert.Equal(NetconfDiffKind.Added, added.Kind);
        Assert.Equal($"/interfaces/interface[name='{name}']", added.Path);
        await using NetconfSession other = await peer.ConnectAsync(base10Only: true);
        XElement running = await other.GetConfigAsync(NetconfDatastore.Running);
        Assert.Contains(running.Descendants(If + "interface"), i => i.Element(If + "name")?.Value == name && i.Element(If + "description")?.Value == "added by apply");

        // ncclient, the reference client, reads the same from the server.
        string sshConfig = peer.Peer.PathOf("ncclient_ssh_config");
        await System.IO.File.WriteAllTextAsync(sshConfig, $"Host *\n  UserKnownHostsFile {peer.Peer.KnownHostsPath}\n");
        string xml = await Ssh.ToolRunner.RunAsync("/usr/bin/python3", "-c", NcclientGetRunning,
            peer.Peer.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), TestSupport.Peers.Peer.LoginUser, peer.Peer.ClientKeyPath, sshConfig);
        XElement seen = XElement.Parse(xml);
        Assert.Contains(seen.Descendants(If + "interface"), i => i.Element(If + "name")?.Value == name && i.Element(If + "description")?.Value == "added by apply");
    }

    private const string NcclientGetRunning = """
        import sys
        from ncclient import manager
        port, user, key, config = sys.argv[1:5]
        with manager.connect(host="127.0.0.1", port=int(port), username=user, key_filename=key, hostkey_verify=True,
                             ssh_config=config, allow_agent=False, look_for_keys=False, timeout=30) as m:
            print(m.get_config(source="running").data_xml)
        """;
}
