using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using NetOpsPS.Devices.Inventory;
using NetOpsPS.Devices.Push;
using NetOpsPS.Devices.Templates;
using NetOpsPS.Internal;

namespace NetOpsPS.Push;

/// <summary>
/// Publish-NetDeviceConfig: renders a configuration per device (Liquid or a scriptblock) and pushes
/// the batch over NETCONF in parallel through each device's candidate. -WhatIf is a real dry run
/// (edit, validate, diff, discard). Rendering and ShouldProcess happen on the pipeline thread; the
/// pushes run in parallel; results are written back on the pipeline thread as devices finish.
/// </summary>
[Cmdlet(VerbsData.Publish, "NetDeviceConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = Inline)]
[OutputType(typeof(NetDevicePushResult))]
public sealed partial class PublishNetDeviceConfigCommand : NetOpsCmdlet
{
    private const string Inline = "Template";
    private const string FromFile = "TemplatePath";
    private const string FromScript = "ScriptBlock";
    private const int DefaultPort = 830;
    private readonly List<DeviceInput> _devices = [];

    /// <summary>The device's inventory name.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Device")]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    /// <summary>Where to connect; the name when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ComputerName")]
    public string? Hostname { get; set; }

    /// <summary>The NETCONF over SSH port (830 when not given).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int? Port { get; set; }

    /// <summary>The device's platform, for templates.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Platform { get; set; }

    /// <summary>The device's groups, for templates.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string[]? Groups { get; set; }

    /// <summary>Every group the device inherits from, for templates.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string[]? MemberOf { get; set; }

    /// <summary>The device's data: the template's variables.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public IDictionary? Data { get; set; }

    /// <summary>The name of the device's credential in -CredentialTable.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? CredentialName { get; set; }

    /// <summary>The login for the device (from a pipeline property) or for every device.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>
    /// Logins by name, for devices that name theirs (CredentialName): a PSCredential, or a key login
    /// @{ UserName = ...; KeyFile = ...; KeyPassphrase = [securestring] } (Credential instead of UserName adds a password).
    /// </summary>
    [Parameter]
    public Hashtable? CredentialTable { get; set; }

    /// <summary>The login name for key files, for devices without a credential (pipeline property or every device).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? UserName { get; set; }

    /// <summary>Private key files (OpenSSH, PEM or PuTTY; ed25519, RSA with rsa-sha2, ECDSA), tried in order before a password.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("IdentityFile")]
    public string[]? KeyFile { get; set; }

    /// <summary>The passphrase of encrypted key files (those of -KeyFile, and table entries that bring none of their own).</summary>
    [Parameter]
    public SecureString? KeyPassphrase { get; set; }

    /// <summary>Trust a host key that known_hosts does not list yet, and append it there. A changed key fails the device all the same.</summary>
    [Parameter]
    public SwitchParameter AcceptHostKey { get; set; }

    /// <summary>Liquid template text.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = Inline)]
    [ValidateNotNullOrEmpty]
    public string Template { get; set; } = string.Empty;

    /// <summary>A Liquid template file.</summary>
    [Parameter(Mandatory = true, ParameterSetName = FromFile)]
    [ValidateNotNullOrEmpty]
    public string TemplatePath { get; set; } = string.Empty;

    /// <summary>A scriptblock that returns the configuration for the device in $_.</summary>
    [Parameter(Mandatory = true, ParameterSetName = FromScript)]
    public ScriptBlock? ScriptBlock { get; set; }

    /// <summary>Merge (default) or Replace.</summary>
    [Parameter]
    public PushMode Mode { get; set; } = PushMode.Merge;

    /// <summary>Devices pushed at once.</summary>
    [Parameter]
    [ValidateRange(1, 256)]
    public int ThrottleLimit { get; set; } = 8;

    /// <summary>Start no other device after the first failure.</summary>
    [Parameter]
    public SwitchParameter StopOnError { get; set; }

    /// <summary>A confirmed-commit window for the whole batch, in seconds.</summary>
    [Parameter]
    [ValidateRange(1, 86400)]
    public int? ConfirmTimeoutSeconds { get; set; }

    /// <summary>Render only: nothing is sent to any device.</summary>
    [Parameter]
    public SwitchParameter RenderOnly { get; set; }

    /// <summary>Append one JSON object per step to this file.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? LogPath { get; set; }

    /// <summary>The OpenSSH known_hosts file that host keys are checked against.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? KnownHostsPath { get; set; }

    /// <summary>Seconds to wait for each connection and each reply.</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        // Not [ValidateRange]: inventory devices without a port pipe in a null, which means the default.
        if (Port is { } port && !NetDevice.IsValidPort(port))
        {
            WriteError(new ErrorRecord(
                new ArgumentOutOfRangeException(nameof(Port), Port, $"Device '{Name}': the port must be from 1 to 65535."),
                "PushInvalidPort", ErrorCategory.InvalidArgument, Name));
            return;
        }

        var data = Data is null ? new Dictionary<string, object?>(StringComparer.Ordinal) : Inventory.PsValues.Dictionary(Data);
        var device = new NetDevice(
            Name, Hostname ?? Name, Port, Platform, CredentialName, Groups ?? [], MemberOf ?? Groups ?? [], data);
        // Not [ValidateNotNullOrEmpty]: rows with an empty UserName or KeyFile column mean "none" for that device.
        string[] keys = (KeyFile ?? []).Where(k => !string.IsNullOrEmpty(k)).Select(k => this.FileSystemPath(k)).ToArray();
        _devices.Add(new DeviceInput(device, Credential, string.IsNullOrEmpty(UserName) ? null : UserName, keys.Length > 0 ? keys : null));
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        ConfigTemplate? liquid = LoadTemplate();
        var requests = new List<PushRequest>(_devices.Count);
        bool whatIf = false;
        foreach (DeviceInput input in _devices)
        {
            NetDevice device = input.Device;
            PushRequest request = Render(input, liquid);
            if (!RenderOnly && request.Config is not null)
            {
                bool go = ShouldProcess(
                    $"Push the rendered configuration to {device.Name} ({device.Hostname}) in {Mode} mode.",
                    $"Push the rendered configuration to {device.Name} ({device.Hostname})?",
                    "Publish-NetDeviceConfig",
                    out ShouldProcessReason reason);
                if (!go && reason != ShouldProcessReason.WhatIf)
                {
                    continue;
                }

                whatIf |= !go;
            }

            requests.Add(request);
        }

        if (requests.Count > 0)
        {
            Push(requests, whatIf);
        }
    }

    /// <summary>One device as it came down the pipeline, with the login parameters bound for it.</summary>
    private sealed record DeviceInput(NetDevice Device, PSCredential? Credential, string? UserName, string[]? KeyFiles);
}
