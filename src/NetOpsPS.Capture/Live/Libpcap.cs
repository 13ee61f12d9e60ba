using System;
using SharpPcap;
using SharpPcap.LibPcap;

namespace NetOpsPS.Capture.Live;

/// <summary>The one door to SharpPcap's device list, turning a missing libpcap or a refusal into a <see cref="CaptureException"/>.</summary>
internal static class Libpcap
{
    public const string Package = "libpcap0.8";

    public static LibPcapLiveDeviceList Devices()
    {
        try
        {
            return LibPcapLiveDeviceList.New();
        }
        catch (Exception ex) when (IsMissingLibrary(ex))
        {
            throw Missing(ex);
        }
        catch (PcapException ex)
        {
            throw Map(ex, "any device");
        }
    }

    public static LibPcapLiveDevice Find(string name)
    {
        foreach (LibPcapLiveDevice device in Devices())
        {
            if (string.Equals(device.Name, name, StringComparison.Ordinal))
            {
                return device;
            }
        }

        throw new CaptureException(CaptureError.DeviceNotFound, $"No capture device is named '{name}'. Get-NetCaptureDevice lists them.");
    }

    public static bool IsMissingLibrary(Exception ex) =>
        ex is DllNotFoundException or EntryPointNotFoundException
        || (ex is TypeInitializationException && ex.InnerException is not null && IsMissingLibrary(ex.InnerException));

    public static CaptureException Missing(Exception ex) =>
        new(
            CaptureError.LibpcapMissing,
            $"libpcap could not be loaded (libpcap.so.0.8 or libpcap.so). Install the Debian package {Package} (apt-get install {Package}). {ex.Message}",
            ex);

    public static CaptureException Map(PcapException ex, string device) => ex.Error switch
    {
        PcapError.PermissionDenied or PcapError.PromiscuousPermissionDenied => new CaptureException(
            CaptureError.PermissionDenied,
            $"Capturing on '{device}' needs root or the capabilities CAP_NET_RAW and CAP_NET_ADMIN "
            + $"(setcap cap_net_raw,cap_net_admin+eip on the PowerShell executable). libpcap said: {ex.Message}",
            ex),
        PcapError.NoSuchDevice => new CaptureException(CaptureError.DeviceNotFound, $"libpcap has no device '{device}': {ex.Message}", ex),
        _ => new CaptureException(CaptureError.DeviceOpenFailed, $"libpcap could not open '{device}': {ex.Message}", ex),
    };
}
