using NetOpsPS.Internal;
using System;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Net;
using NetOpsPS.Devices.Inventory;
using NetOpsPS.Devices.Push;
using NetOpsPS.Devices.Templates;

namespace NetOpsPS.Push;

/// <summary>Templates and credentials, on the pipeline thread: scriptblocks must run in their runspace.</summary>
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

    private PushRequest Render(NetDevice device, PSCredential? credential, ConfigTemplate? liquid)
    {
        int port = device.Port ?? DefaultPort;
        NetworkCredential? login;
        try
        {
            login = RenderOnly ? null : Login(device, credential);
        }
        catch (ItemNotFoundException ex)
        {
            return new PushRequest(device.Name, device.Hostname, port, null, renderError: ex);
        }

        try
        {
            string config = liquid is not null ? liquid.Render(device) : RenderScript(device);
            return new PushRequest(device.Name, device.Hostname, port, config, login);
        }
        catch (TemplateException ex)
        {
            return new PushRequest(device.Name, device.Hostname, port, null, login, ex);
        }
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

    // A credential given for the device (pipeline or parameter) wins; else the one its inventory names.
    private NetworkCredential? Login(NetDevice device, PSCredential? credential)
    {
        if (credential is not null)
        {
            return credential.GetNetworkCredential();
        }

        if (device.CredentialName is not { } name)
        {
            return null;
        }

        object? entry = CredentialTable?[name];
        return (entry is PSObject wrapped ? wrapped.BaseObject : entry) is PSCredential named
            ? named.GetNetworkCredential()
            : throw new ItemNotFoundException(
                $"Device '{device.Name}' names credential '{name}', which -CredentialTable does not hold as a PSCredential.");
    }
}
