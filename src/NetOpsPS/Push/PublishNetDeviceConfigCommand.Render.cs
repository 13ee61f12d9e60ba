using NetOpsPS.Internal;
using System;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using NetOpsPS.Devices.Inventory;
using NetOpsPS.Devices.Push;
using NetOpsPS.Devices.Templates;

namespace NetOpsPS.Push;

/// <summary>Templates, on the pipeline thread: scriptblocks must run in their runspace.</summary>
public sealed partial class PublishNetDeviceConfigCommand
{
    private ConfigTemplate? LoadTemplate()
    {
        try
        {
            return ParameterSetName switch
            {
                Inline => ConfigTemplate.Parse(Template),
                FromFile => ConfigTemplate.Load(this.FileSystemPath(TemplatePath)),
                _ => null,
            };
        }
        catch (TemplateException ex)
        {
            // One template for the whole batch: a template that does not parse is a bad invocation.
            ThrowTerminatingError(new ErrorRecord(ex, "PushTemplateInvalid", ErrorCategory.InvalidData, TemplatePath is { Length: > 0 } ? TemplatePath : Template));
            return null;
        }
    }

    private PushRequest Render(DeviceInput input, ConfigTemplate? liquid)
    {
        NetDevice device = input.Device;
        int port = device.Port ?? DefaultPort;
        DeviceLogin? login;
        try
        {
            login = RenderOnly ? null : Login(input);
        }
        catch (Exception ex) when (ex is ItemNotFoundException or ArgumentException)
        {
            return new PushRequest(device.Name, device.Hostname, port, null, renderError: ex);
        }

        string? config = null;
        TemplateException? failed = null;
        try
        {
            config = liquid is not null ? liquid.Render(device) : RenderScript(device);
        }
        catch (TemplateException ex)
        {
            failed = ex;
        }

        return new PushRequest(device.Name, device.Hostname, port, config, login?.Credential, failed)
        {
            PrivateKeyPaths = login?.KeyFiles,
            PrivateKeyPassphrase = login?.KeyPassphrase,
        };
    }

    private string RenderScript(NetDevice device)
    {
        Collection<PSObject> output;
        try
        {
            output = ScriptBlock!.InvokeWithContext(null, [new PSVariable("_", device), new PSVariable("PSItem", device)], device);
        }
        catch (RuntimeException ex)
        {
            throw new TemplateException($"The scriptblock failed for device '{device.Name}': {ex.Message}", "scriptblock", device.Name, ex);
        }

        string config = string.Join('\n', output.Where(o => o is not null).Select(o => o.BaseObject.ToString()));
        return config.Length > 0
            ? config
            : throw new TemplateException($"The scriptblock returned no configuration for device '{device.Name}'.", "scriptblock", device.Name);
    }
}
