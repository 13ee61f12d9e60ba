using System;
using System.Runtime.InteropServices;
using SharpPcap.LibPcap;

namespace NetOpsPS.Capture.Live;

/// <summary>
/// The two libpcap calls the capture loop makes itself, on the handle SharpPcap opened: pcap_dispatch and
/// pcap_breakloop (3PCAP). SharpPcap's GetNextPacket polls the descriptor before each pcap_next_ex and so
/// misses packets already in the ring (seen on lo: the last of a burst stayed there), and plain pcap_next_ex
/// with immediate mode lost the tail of a burst the same way; pcap_dispatch, tcpdump's path, drains the ring,
/// and pcap_breakloop wakes it at once (libpcap 1.10 polls an eventfd too) for Ctrl+C and -Duration.
/// </summary>
internal static class NativePcap
{
    private static readonly Lazy<(PcapDispatch Dispatch, PcapBreakloop Breakloop)?> Functions = new(Load);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void PacketHandler(IntPtr user, IntPtr header, IntPtr bytes);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int PcapDispatch(IntPtr pcap, int count, PacketHandler callback, IntPtr user);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate void PcapBreakloop(IntPtr pcap);

    /// <summary>pcap_dispatch: packets handled (0 on a timeout), -1 on error, -2 after pcap_breakloop.</summary>
    public static int Dispatch(PcapHandle handle, int count, PacketHandler handler) =>
        WithHandle(handle, pcap => Required().Dispatch(pcap, count, handler, IntPtr.Zero), -2);

    /// <summary>pcap_breakloop: safe from any thread; a closed handle is ignored.</summary>
    public static void Break(PcapHandle handle) =>
        WithHandle(handle, pcap =>
        {
            Required().Breakloop(pcap);
            return 0;
        }, 0);

    private static (PcapDispatch Dispatch, PcapBreakloop Breakloop) Required() =>
        Functions.Value ?? throw new CaptureException(
            CaptureError.LibpcapMissing, $"pcap_dispatch/pcap_breakloop are not in any loadable libpcap. Install the Debian package {Libpcap.Package}.");

    private static int WithHandle(PcapHandle handle, Func<IntPtr, int> call, int whenClosed)
    {
        bool added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return call(handle.DangerousGetHandle());
        }
        catch (ObjectDisposedException)
        {
            return whenClosed;
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    private static (PcapDispatch, PcapBreakloop)? Load()
    {
        foreach (string name in new[] { "libpcap.so.0.8", "libpcap.so.1", "libpcap.so", "libpcap.dylib", "wpcap" })
        {
            if (NativeLibrary.TryLoad(name, out IntPtr library)
                && NativeLibrary.TryGetExport(library, "pcap_dispatch", out IntPtr dispatch)
                && NativeLibrary.TryGetExport(library, "pcap_breakloop", out IntPtr breakloop))
            {
                return (Marshal.GetDelegateForFunctionPointer<PcapDispatch>(dispatch), Marshal.GetDelegateForFunctionPointer<PcapBreakloop>(breakloop));
            }
        }

        return null;
    }
}
