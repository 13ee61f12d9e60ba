using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Sockets;
using SharpPcap;
using SharpPcap.LibPcap;

namespace NetOpsPS.Capture.Live;

/// <summary>Lists capture devices (pcap_findalldevs) with their addresses, flags and link types.</summary>
public static class CaptureDevices
{
    /// <summary>
    /// Every device, in libpcap's order. The link type needs the device opened, which needs capture
    /// permission; without it (or for a device that is down) <see cref="CaptureDeviceInfo.LinkType"/> is null.
    /// </summary>
    public static IReadOnlyList<CaptureDeviceInfo> List()
    {
        var result = new List<CaptureDeviceInfo>();
        foreach (LibPcapLiveDevice device in Libpcap.Devices())
        {
            var addresses = device.Addresses
                .Where(a => a.Addr?.ipAddress is not null && a.Addr.ipAddress.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
                .Select(a => new CaptureDeviceAddress(a.Addr!.ipAddress!, a.Netmask?.ipAddress, a.Broadaddr?.ipAddress))
                .ToList();
            string? mac = device.Addresses.Select(a => a.Addr?.hardwareAddress).FirstOrDefault(h => h is not null && h.GetAddressBytes().Length == 6) is { } hardware
                ? CapturedPacket.FormatMac(hardware.GetAddressBytes(), 0)
                : null;
            result.Add(new CaptureDeviceInfo(device.Name, string.IsNullOrEmpty(device.Description) ? null : device.Description, device.Flags, addresses, mac, LinkTypeOf(device)));
        }

        return result;
    }

    private static LinkType? LinkTypeOf(LibPcapLiveDevice device)
    {
        try
        {
            device.Open(new DeviceConfiguration { Snaplen = 64, ReadTimeout = 1 });
            return (LinkType)(int)device.LinkType;
        }
        catch (PcapException)
        {
            return null;
        }
        finally
        {
            device.Close();
        }
    }
}
