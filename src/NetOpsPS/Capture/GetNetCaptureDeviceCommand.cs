using System.Collections.Generic;
using System.Management.Automation;
using NetOpsPS.Capture.Live;
using NetOpsPS.Internal;

namespace NetOpsPS.Capture.Cmdlets;

/// <summary>Get-NetCaptureDevice: the devices libpcap can capture on, with addresses, flags and link type.</summary>
[Cmdlet(VerbsCommon.Get, "NetCaptureDevice")]
[OutputType(typeof(CaptureDeviceInfo))]
public sealed class GetNetCaptureDeviceCommand : NetOpsCmdlet
{
    /// <summary>Device names to list; wildcards allowed. All devices when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Interface")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    // Listing opens every device to read its link type: once per invocation, not once per pipeline record.
    private IReadOnlyList<CaptureDeviceInfo>? _devices;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        IReadOnlyList<CaptureDeviceInfo> devices;
        try
        {
            devices = _devices ??= CaptureDevices.List();
        }
        catch (CaptureException ex)
        {
            ThrowTerminatingError(CaptureErrorRecords.From(ex, null));
            return;
        }

        if (Name is null)
        {
            WriteObject(devices, enumerateCollection: true);
            return;
        }

        foreach (string name in Name)
        {
            var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
            bool found = false;
            foreach (CaptureDeviceInfo device in devices)
            {
                if (pattern.IsMatch(device.Name))
                {
                    found = true;
                    WriteObject(device);
                }
            }

            if (!found && !WildcardPattern.ContainsWildcardCharacters(name))
            {
                WriteError(ErrorRecords.NotFound("CaptureDeviceNotFound", $"No capture device is named '{name}'.", name));
            }
        }
    }
}
