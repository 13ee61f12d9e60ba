using System;
using System.Collections.Generic;
using NetOpsPS.Devices.Inventory;
using NetOpsPS.Devices.Templates;
using Xunit;

namespace NetOpsPS.Devices.Tests.Templates;

/// <summary>Liquid rendering per device with its inherited data, and errors that name template and device.</summary>
public sealed class ConfigTemplateTests
{
    private static readonly NetDevice Device = new(
        "r1", "192.0.2.1", 830, "junos", "lab", ["edge"], ["edge", "europe"],
        new Dictionary<string, object?>
        {
            ["description"] = "uplink to core",
            ["vlans"] = new List<object?> { 10, 20 },
            ["enabled"] = true,
            ["snmp"] = new Dictionary<string, object?> { ["location"] = "rack 2" },
        });

    [Fact]
    public void DataAreVariablesAndHostHoldsTheDevice()
    {
        ConfigTemplate template = ConfigTemplate.Parse(
            "{{ host.name }}@{{ host.hostname }}:{{ host.port }} {{ description | upcase }}" +
            "{% for v in vlans %} vlan{{ v }}{% endfor %} {{ snmp.location }} {{ host.member_of | join: ',' }} {{ host.data.enabled }}");

        Assert.Equal("r1@192.0.2.1:830 UPLINK TO CORE vlan10 vlan20 rack 2 edge,europe true", template.Render(Device));
    }

    [Fact]
    public void ValuesAreEscapedForXmlSoDataCannotAddElements()
    {
        var device = new NetDevice("r2", "r2", null, null, null, [], [], new Dictionary<string, object?> { ["text"] = "a<b>&\"c\" café" });
        string rendered = ConfigTemplate.Parse("<description>{{ text }}</description>").Render(device);
        Assert.Equal("a<b>&\"c\" café", System.Xml.Linq.XElement.Parse(rendered).Value);
    }

    [Fact]
    public void ASyntaxErrorNamesTheTemplateAndPosition()
    {
        var ex = Assert.Throws<TemplateException>(() => ConfigTemplate.Parse("line one\n{% for x in %}\n", "ifaces.liquid"));
        Assert.Equal("ifaces.liquid", ex.TemplateName);
        Assert.Null(ex.DeviceName);
        Assert.Contains("ifaces.liquid", ex.Message, StringComparison.Ordinal);
        Assert.Matches(@"\(\d+:\d+\)", ex.Message);
    }

    [Fact]
    public void AnUndefinedVariableFailsTheDeviceInsteadOfRenderingEmpty()
    {
        ConfigTemplate template = ConfigTemplate.Parse("<description>{{ descripton }}</description>", "t.liquid");
        var ex = Assert.Throws<TemplateException>(() => template.Render(Device));
        Assert.Equal("r1", ex.DeviceName);
        Assert.Contains("'r1'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("descripton", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUndefinedVariableIsFalseInAConditionAndDefaultApplies()
    {
        ConfigTemplate template = ConfigTemplate.Parse("{% if mtu %}mtu {{ mtu }}{% else %}no mtu{% endif %} {{ speed | default: 'auto' }} {% if speed == nil %}nil{% endif %}");
        Assert.Equal("no mtu auto nil", template.Render(Device));
    }

    [Fact]
    public void AnUndefinedVariableFailsInAFilterOrThroughAMemberButAMissingKeyOfDefinedDataIsEmpty()
    {
        Assert.Equal("[]", ConfigTemplate.Parse("[{{ snmp.contact }}]").Render(Device));
        var member = Assert.Throws<TemplateException>(() => ConfigTemplate.Parse("{{ nope.deeper }}").Render(Device));
        Assert.Contains("'nope'", member.Message, StringComparison.Ordinal);
        var filtered = Assert.Throws<TemplateException>(() => ConfigTemplate.Parse("{{ nope | upcase }}").Render(Device));
        Assert.Contains("'nope'", filtered.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownFilterFailsTheDevice()
    {
        ConfigTemplate template = ConfigTemplate.Parse("{{ description | shout }}", "t.liquid");
        var ex = Assert.Throws<TemplateException>(() => template.Render(Device));
        Assert.Contains("shout", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARunawayLoopIsStopped()
    {
        ConfigTemplate template = ConfigTemplate.Parse("{% for i in (1..100000000) %}x{% endfor %}", "t.liquid");
        var ex = Assert.Throws<TemplateException>(() => template.Render(Device));
        Assert.Equal("r1", ex.DeviceName);
    }
}
