using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetOpsPS.Devices.Inventory;
using Xunit;

namespace NetOpsPS.Devices.Tests.Inventory;

/// <summary>nornir SimpleInventory files: inheritance order, typed data, one-file form, and errors that name the line.</summary>
public sealed class InventoryYamlTests : IDisposable
{
    private const string Hosts = """
        r1:
          hostname: 192.0.2.1
          groups: [edge, lab]
          data:
            site: ams
            asn: 65001
        r2:
          groups:
            - core
          port: 2830
          data:
            ntp: 10.0.0.99
        r3:
        """;

    private const string Groups = """
        edge:
          platform: junos
          groups: [europe]
          data:
            role: edge
            ntp: 10.0.0.1
        lab:
          credential: lab-admin
          data:
            role: lab
            site: lab-site
            vlans: [10, 20]
        core:
          groups: [europe]
          data: { role: core }
        europe:
          port: 1830
          credential: eu-admin
          data:
            region: eu
            ntp: 10.0.0.2
            role: continental
        """;

    private const string Defaults = """
        port: 830
        platform: netconfd
        credential: default-admin
        data:
          ntp: 10.0.0.3
          domain: example.test
          role: none
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("inventory-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void HostThenGroupsInOrderEachBeforeItsParentsThenDefaults()
    {
        IReadOnlyDictionary<string, NetDevice> devices = LoadFolder();

        NetDevice r1 = devices["r1"];
        Assert.Equal("192.0.2.1", r1.Hostname);
        Assert.Equal(["edge", "lab"], r1.Groups);
        Assert.Equal(["edge", "europe", "lab"], r1.MemberOf);
        Assert.Equal("junos", r1.Platform);               // edge
        Assert.Equal(1830, r1.Port);                      // europe (edge's parent) comes before lab and defaults
        Assert.Equal("eu-admin", r1.CredentialName);      // europe before lab
        Assert.Equal("ams", r1.Data["site"]);             // host beats lab
        Assert.Equal(65001, r1.Data["asn"]);
        Assert.Equal("edge", r1.Data["role"]);            // first group beats its parent, later groups, defaults
        Assert.Equal("10.0.0.1", r1.Data["ntp"]);
        Assert.Equal("eu", r1.Data["region"]);
        Assert.Equal(new List<object?> { 10, 20 }, r1.Data["vlans"]);
        Assert.Equal("example.test", r1.Data["domain"]);
        Assert.True(r1.IsMemberOf("europe"));
        Assert.False(r1.IsMemberOf("core"));

        NetDevice r2 = devices["r2"];
        Assert.Equal("r2", r2.Hostname);                  // no hostname anywhere: the name
        Assert.Equal(2830, r2.Port);                      // host beats every group
        Assert.Equal("netconfd", r2.Platform);            // defaults
        Assert.Equal("core", r2.Data["role"]);
        Assert.Equal("10.0.0.99", r2.Data["ntp"]);

        NetDevice r3 = devices["r3"];                     // an empty host gets only defaults
        Assert.Empty(r3.MemberOf);
        Assert.Equal(830, r3.Port);
        Assert.Equal("default-admin", r3.CredentialName);
        Assert.Equal("none", r3.Data["role"]);
    }

    [Fact]
    public void OneFileWithSectionsGivesTheSameInventoryAsThreeFiles()
    {
        string combined = Path.Combine(_dir, "inventory.yaml");
        File.WriteAllText(combined, "hosts:\n" + Indent(Hosts) + "\ngroups:\n" + Indent(Groups) + "\ndefaults:\n" + Indent(Defaults) + "\n");

        IReadOnlyList<NetDevice> single = InventoryResolver.Resolve(InventoryYaml.Load(combined));
        IReadOnlyDictionary<string, NetDevice> folder = LoadFolder();

        Assert.Equal(["r1", "r2", "r3"], single.Select(d => d.Name));
        foreach (NetDevice device in single)
        {
            NetDevice other = folder[device.Name];
            Assert.Equal(other.Port, device.Port);
            Assert.Equal(other.CredentialName, device.CredentialName);
            Assert.Equal(other.MemberOf, device.MemberOf);
            Assert.Equal(other.Data.OrderBy(p => p.Key).Select(p => $"{p.Key}={Show(p.Value)}"), device.Data.OrderBy(p => p.Key).Select(p => $"{p.Key}={Show(p.Value)}"));
        }
    }

    [Fact]
    public void PlainScalarsAreTypedAndQuotedOnesStayText()
    {
        NetDevice device = Single("""
            sw1:
              data:
                mtu: 9000
                enabled: true
                ratio: 0.5
                serial: "0123"
                nothing: ~
                text: hello
                nested: { a: { b: [1, "x"] } }
            """);

        Assert.Equal(9000, device.Data["mtu"]);
        Assert.Equal(true, device.Data["enabled"]);
        Assert.Equal(0.5, device.Data["ratio"]);
        Assert.Equal("0123", device.Data["serial"]);
        Assert.Null(device.Data["nothing"]);
        Assert.Equal("hello", device.Data["text"]);
        var nested = Assert.IsType<Dictionary<string, object?>>(device.Data["nested"]);
        var a = Assert.IsType<Dictionary<string, object?>>(nested["a"]);
        Assert.Equal(new List<object?> { 1, "x" }, a["b"]);
    }

    [Fact]
    public void BadYamlNamesTheFileAndLine()
    {
        var ex = Assert.Throws<InventoryException>(() => InventoryYaml.Parse("r1:\n  hostname: a\n  data: [unclosed\nr2: {}\n", "hosts.yaml"));
        Assert.Equal(InventoryError.YamlSyntax, ex.Error);
        Assert.True(ex.Line >= 3, $"line {ex.Line}");
        Assert.StartsWith($"hosts.yaml line {ex.Line}, column", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APasswordInTheFileIsRefusedWithItsLine()
    {
        var ex = Assert.Throws<InventoryException>(() => InventoryYaml.Parse("r1:\n  hostname: a\n  password: hunter2\n", "hosts.yaml"));
        Assert.Equal(InventoryError.SecretInInventory, ex.Error);
        Assert.Equal(3, ex.Line);
        Assert.Contains("credential", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("r1:\n  port: 70000\n", InventoryError.InvalidField, 2, "port must be a number")]
    [InlineData("r1:\n  groups: nope\n", InventoryError.InvalidField, 2, "'groups' must be a list")]
    [InlineData("r1:\n  colour: red\n", InventoryError.InvalidField, 2, "unknown field 'colour'")]
    [InlineData("r1:\n  data: [1]\n", InventoryError.InvalidField, 2, "'data' must be a mapping")]
    [InlineData("- r1\n- r2\n", InventoryError.InvalidField, 1, "must be a mapping")]
    public void WrongShapesAreFieldErrorsWithTheLine(string yaml, InventoryError error, int line, string text)
    {
        var ex = Assert.Throws<InventoryException>(() => InventoryYaml.Parse(yaml, "hosts.yaml"));
        Assert.Equal(error, ex.Error);
        Assert.Equal(line, ex.Line);
        Assert.Contains(text, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARepeatedHostIsRefused()
    {
        var ex = Assert.Throws<InventoryException>(() => InventoryYaml.Parse("r1: {}\nr1: {}\n", "hosts.yaml"));
        Assert.Equal(InventoryError.YamlSyntax, ex.Error);
        Assert.Contains("hosts.yaml", ex.Message, StringComparison.Ordinal);

        // YamlDotNet keeps keys with different tags apart; the reader still refuses the second host, at its line.
        var tagged = Assert.Throws<InventoryException>(() => InventoryYaml.Parse("r1: {}\n!!str r1: {}\n", "hosts.yaml"));
        Assert.Equal(InventoryError.DuplicateHost, tagged.Error);
        Assert.Contains("line 2", tagged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownGroupsAndCyclesAreRefused()
    {
        InventorySource unknown = InventoryYaml.Parse("r1:\n  groups: [ghost]\n", "hosts.yaml");
        var missing = Assert.Throws<InventoryException>(() => InventoryResolver.Resolve(unknown));
        Assert.Equal(InventoryError.UnknownGroup, missing.Error);
        Assert.Contains("'ghost'", missing.Message, StringComparison.Ordinal);

        InventorySource cyclic = InventoryYaml.Parse(
            "hosts:\n  r1:\n    groups: [a]\ngroups:\n  a:\n    groups: [b]\n  b:\n    groups: [a]\n", "inventory.yaml");
        var cycle = Assert.Throws<InventoryException>(() => InventoryResolver.Resolve(cyclic));
        Assert.Equal(InventoryError.GroupCycle, cycle.Error);
        Assert.Contains("a -> b -> a", cycle.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAliasBombIsRefusedInsteadOfExpanded()
    {
        var yaml = new System.Text.StringBuilder("r1:\n  data:\n    l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 9; i++)
        {
            yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"    l{i}: &l{i} [*l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}]\n");
        }

        var ex = Assert.Throws<InventoryException>(() => InventoryYaml.Parse(yaml.ToString(), "hosts.yaml"));
        Assert.Contains("more than", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingHostsFileIsAClearError()
    {
        var ex = Assert.Throws<InventoryException>(() => InventoryYaml.Load(Path.Combine(_dir, "nope.yaml")));
        Assert.Contains("nope.yaml", ex.Message, StringComparison.Ordinal);
        Assert.Contains("cannot read", ex.Message, StringComparison.Ordinal);
    }

    private static string Show(object? value) =>
        value is System.Collections.IEnumerable items and not string ? "[" + string.Join(",", items.Cast<object?>().Select(Show)) + "]" : $"{value}";

    private static string Indent(string text) => string.Join("\n", text.Split('\n').Select(l => "  " + l));

    private static NetDevice Single(string hosts) => Assert.Single(InventoryResolver.Resolve(InventoryYaml.Parse(hosts, "hosts.yaml")));

    private Dictionary<string, NetDevice> LoadFolder()
    {
        File.WriteAllText(Path.Combine(_dir, "hosts.yaml"), Hosts);
        File.WriteAllText(Path.Combine(_dir, "groups.yaml"), Groups);
        File.WriteAllText(Path.Combine(_dir, "defaults.yaml"), Defaults);
        return InventoryResolver.Resolve(InventoryYaml.Load(_dir)).ToDictionary(d => d.Name);
    }
}
