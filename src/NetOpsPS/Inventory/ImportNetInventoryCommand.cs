using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using NetOpsPS.Devices.Inventory;
using NetOpsPS.Internal;

namespace NetOpsPS.Inventory;

/// <summary>
/// Import-NetInventory: devices from nornir-style YAML (a hosts/groups/defaults folder, or one file)
/// or from objects in the pipeline (Import-Csv rows), with inheritance applied, filtered by name,
/// group and data. Credentials are only named here; Publish-NetDeviceConfig resolves them.
/// </summary>
[Cmdlet(VerbsData.Import, "NetInventory", DefaultParameterSetName = FromPath)]
[OutputType(typeof(NetDevice))]
public sealed class ImportNetInventoryCommand : NetOpsCmdlet
{
    private const string FromPath = "Path";
    private const string FromObject = "InputObject";
    private readonly InventorySource _fromObjects = new();

    /// <summary>A folder with hosts.yaml (groups.yaml, defaults.yaml optional), a hosts file, or one file with hosts/groups/defaults.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = FromPath)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>Host rows, such as Import-Csv output: Name, Hostname, Port, Platform, Credential, Groups; other columns become data.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = FromObject)]
    public PSObject? InputObject { get; set; }

    /// <summary>A groups.yaml to use (replaces the folder's or file's groups).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? GroupPath { get; set; }

    /// <summary>A defaults.yaml to use (replaces the folder's or file's defaults).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DefaultPath { get; set; }

    /// <summary>Only devices whose name matches one of these; wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>Only devices in one of these groups, directly or through a parent group.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Group { get; set; }

    /// <summary>Only devices whose data has every one of these key = value pairs (values compared as text, case-insensitive; wildcards allowed).</summary>
    [Parameter]
    [ValidateNotNull]
    public Hashtable? Data { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (InputObject is null)
        {
            return;
        }

        try
        {
            (string name, InventoryEntry entry) = InventoryRows.ToEntry(InputObject, _fromObjects.Hosts.Count + 1);
            _fromObjects.Hosts.Add(new(name, entry));
        }
        catch (InventoryException ex)
        {
            WriteError(new ErrorRecord(ex, "Inventory" + ex.Error, ErrorCategory.InvalidData, InputObject));
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        IReadOnlyList<NetDevice> devices;
        try
        {
            InventorySource source;
            if (ParameterSetName == FromPath)
            {
                source = InventoryYaml.Load(this.FileSystemPath(Path), Resolve(GroupPath), Resolve(DefaultPath));
            }
            else
            {
                source = _fromObjects;
                InventoryYaml.AddGroupsAndDefaults(source, Resolve(GroupPath), Resolve(DefaultPath));
            }

            devices = InventoryResolver.Resolve(source);
        }
        catch (InventoryException ex)
        {
            ThrowTerminatingError(new ErrorRecord(ex, "Inventory" + ex.Error, ErrorCategory.InvalidData, ex.Source ?? Path));
            return;
        }

        WildcardPattern[] names = (Name ?? ["*"]).Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToArray();
        foreach (NetDevice device in devices)
        {
            if (names.Any(n => n.IsMatch(device.Name))
                && (Group is null || Group.Any(device.IsMemberOf))
                && (Data is null || InventoryRows.DataMatches(device, Data)))
            {
                WriteObject(device);
            }
        }

        WriteVerbose($"{devices.Count} devices in the inventory.");
    }

    private string? Resolve(string? path) => path is null ? null : this.FileSystemPath(path);
}
