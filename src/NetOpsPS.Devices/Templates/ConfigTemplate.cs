using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.Tasks;
using Fluid;
using NetOpsPS.Devices.Inventory;

namespace NetOpsPS.Devices.Templates;

/// <summary>
/// A Liquid template (Fluid) rendered once per device. The device's inherited data are top-level
/// variables (<c>{{ ntp_server }}</c>), and <c>host</c> holds name, hostname, port, platform,
/// groups, member_of and data (<c>{{ host.name }}</c>), as nornir's Jinja2 tasks expose them.
/// Strict where it matters: an undefined variable written into the configuration, or an unknown
/// filter, fails the device rather than pushing an empty value; in a condition it is simply false.
/// Missing keys below a defined mapping (<c>host.data.x</c>) render empty, as in Liquid.
/// </summary>
public sealed class ConfigTemplate
{
    // Bounds a runaway loop in a template; a configuration of 100k statements is already huge.
    private const int MaxSteps = 1_000_000;
    private static readonly FluidParser Parser = new();

    // The configurations are NETCONF XML: values are escaped so data can never add or break elements.
    // HTML escaping is valid XML; every Unicode range is allowed so descriptions stay readable.
    private static readonly HtmlEncoder XmlValues = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly IFluidTemplate _template;
    private readonly TemplateOptions _options;

    private ConfigTemplate(IFluidTemplate template, string name)
    {
        _template = template;
        Name = name;
        _options = new TemplateOptions
        {
            StrictFilters = true,
            MaxSteps = MaxSteps,
            Undefined = name => new ValueTask<Fluid.Values.FluidValue>(new UndefinedValue(name)),
        };
        _options.MemberAccessStrategy.IgnoreCasing = false;
    }

    /// <summary>The name used in errors: the file name or "inline".</summary>
    public string Name { get; }

    /// <summary>Parses Liquid text; a syntax error is a <see cref="TemplateException"/> with Fluid's position.</summary>
    public static ConfigTemplate Parse(string source, string name = "inline")
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!Parser.TryParse(source, out IFluidTemplate? template, out string? error))
        {
            throw new TemplateException($"Template '{name}' does not parse: {error}", name);
        }

        return new ConfigTemplate(template, name);
    }

    /// <summary>Reads and parses a template file.</summary>
    public static ConfigTemplate Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TemplateException($"Template file '{path}' cannot be read: {ex.Message}", Path.GetFileName(path), null, ex);
        }

        return Parse(text, Path.GetFileName(path));
    }

    /// <summary>Renders for one device; failures name the template and the device.</summary>
    public string Render(NetDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var context = new TemplateContext(_options);
        foreach (KeyValuePair<string, object?> item in device.Data)
        {
            context.SetValue(item.Key, item.Value);
        }

        context.SetValue("host", HostModel(device));
        try
        {
            return _template.Render(context, XmlValues);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FluidException or ArgumentException or FormatException or InvalidCastException)
        {
            throw new TemplateException($"Template '{Name}' failed for device '{device.Name}': {ex.Message}", Name, device.Name, ex);
        }
    }

    private static Dictionary<string, object?> HostModel(NetDevice device) => new(StringComparer.Ordinal)
    {
        ["name"] = device.Name,
        ["hostname"] = device.Hostname,
        ["port"] = device.Port,
        ["platform"] = device.Platform,
        ["groups"] = device.Groups,
        ["member_of"] = device.MemberOf,
        ["data"] = device.Data,
    };
}
