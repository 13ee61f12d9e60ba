using System;
using System.Buffers;
using System.Linq;
using System.Text;
using NetOpsPS.Sockets.Framing;

namespace NetOpsPS.Sockets.Tests.Framing.Support;

/// <summary>What a decoder did, one string an event, so whole runs compare with Assert.Equal and read well when they differ.</summary>
internal static class FrameEvents
{
    public static string Frame(in ReadOnlySequence<byte> frame) => Frame(frame.ToArray());

    public static string Frame(byte[] frame) =>
        frame.All(b => b is >= 0x20 and < 0x7F)
            ? $"frame \"{Encoding.ASCII.GetString(frame)}\""
            : $"frame 0x{Convert.ToHexString(frame)}";

    public static string Frame(string ascii) => Frame(Encoding.ASCII.GetBytes(ascii));

    public static string Error(FramingError error) => $"error {error}";

    public static string Error(FramingException exception) => Error(exception.Error);
}
