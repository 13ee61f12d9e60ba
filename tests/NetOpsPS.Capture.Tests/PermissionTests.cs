using System;
using System.Runtime.InteropServices;
using System.Threading;
using NetOpsPS.Capture.Live;
using Xunit;

namespace NetOpsPS.Capture.Tests;

/// <summary>
/// Without CAP_NET_RAW the capture fails with PermissionDenied naming the capabilities. Linux capabilities are
/// per thread, so one test thread drops CAP_NET_RAW and CAP_NET_ADMIN from its effective set with the raw
/// capset(2) syscall (glibc's wrappers would not be involved) and opens the device from there: the same EPERM
/// an unprivileged user gets from socket(AF_PACKET), without a second process.
/// </summary>
public sealed class PermissionTests
{
    private const long SysCapget = 125;
    private const long SysCapset = 126;
    private const uint CapabilityVersion3 = 0x20080522;
    private const int CapNetAdmin = 12;
    private const int CapNetRaw = 13;

    [Fact]
    public void WithoutCapNetRawOpeningADeviceIsPermissionDeniedNamingTheCapabilities()
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            DropEffective(CapNetRaw, CapNetAdmin);
            try
            {
                using LiveCapture capture = LiveCapture.Open(new LiveCaptureOptions { Interface = "lo", Filter = "udp port 9", Count = 1 });
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        });
        thread.Start();
        thread.Join();

        var capture = Assert.IsType<CaptureException>(failure);
        Assert.Equal(CaptureError.PermissionDenied, capture.Error);
        Assert.Contains("CAP_NET_RAW", capture.Message, StringComparison.Ordinal);
    }

    private static void DropEffective(params int[] capabilities)
    {
        var header = new CapUserHeader { Version = CapabilityVersion3, Pid = 0 };
        var data = new CapUserData[2];
        Assert.Equal(0, Capget(SysCapget, ref header, data));
        foreach (int capability in capabilities)
        {
            data[capability / 32].Effective &= ~(1u << (capability % 32));
        }

        Assert.Equal(0, Capset(SysCapset, ref header, data));
    }

    [DllImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static extern int Capget(long number, ref CapUserHeader header, [In, Out] CapUserData[] data);

    [DllImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static extern int Capset(long number, ref CapUserHeader header, [In, Out] CapUserData[] data);

    [StructLayout(LayoutKind.Sequential)]
    private struct CapUserHeader
    {
        public uint Version;
        public int Pid;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct CapUserData
    {
        public uint Effective;
        public uint Permitted;
        public uint Inheritable;
    }
}
