using System;
using System.Text;

namespace NetOpsPS.Sockets.Framing.Internal;

/// <summary>Bytes as a reader would write them in a setting: "\r\n" for text, 0x0D0A otherwise.</summary>
internal static class ByteText
{
    public static string Describe(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder("\"");
        foreach (byte b in bytes)
        {
            switch (b)
            {
                case (byte)'\r': text.Append("\\r"); break;
                case (byte)'\n': text.Append("\\n"); break;
                case (byte)'\t': text.Append("\\t"); break;
                case 0: text.Append("\\0"); break;
                case (byte)'"' or (byte)'\\': text.Append('\\').Append((char)b); break;
                case >= 0x20 and < 0x7F: text.Append((char)b); break;
                default: return "0x" + Convert.ToHexString(bytes);
            }
        }

        return text.Append('"').ToString();
    }
}
