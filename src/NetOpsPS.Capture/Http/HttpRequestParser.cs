using System;
using System.Text;

namespace NetOpsPS.Capture.Http;

/// <summary>Recognises the start of an HTTP/1.x request at the beginning of a TCP payload.</summary>
public static class HttpRequestParser
{
    private const int MaxHeadBytes = 8192;
    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "CONNECT", "TRACE"];

    /// <summary>The request line and Host, or null when the payload does not start an HTTP/1.x request.</summary>
    public static HttpRequestLine? Parse(ReadOnlySpan<byte> payload)
    {
        int space = payload.Slice(0, Math.Min(payload.Length, 8)).IndexOf((byte)' ');
        if (space < 3 || !IsMethod(payload.Slice(0, space)))
        {
            return null;
        }

        ReadOnlySpan<byte> head = payload.Slice(0, Math.Min(payload.Length, MaxHeadBytes));
        int lineEnd = head.IndexOf("\r\n"u8);
        if (lineEnd < 0)
        {
            return null;
        }

        ReadOnlySpan<byte> line = head.Slice(0, lineEnd);
        int lastSpace = line.LastIndexOf((byte)' ');
        if (lastSpace <= space || !line.Slice(lastSpace + 1).StartsWith("HTTP/1."u8))
        {
            return null;
        }

        string method = Encoding.ASCII.GetString(line.Slice(0, space));
        string target = Encoding.ASCII.GetString(line.Slice(space + 1, lastSpace - space - 1));
        string version = Encoding.ASCII.GetString(line.Slice(lastSpace + 1));
        return new HttpRequestLine(method, target, version, FindHost(head.Slice(lineEnd + 2)));
    }

    private static bool IsMethod(ReadOnlySpan<byte> token)
    {
        foreach (string method in Methods)
        {
            if (token.Length == method.Length && Encoding.ASCII.GetString(token) == method)
            {
                return true;
            }
        }

        return false;
    }

    private static string? FindHost(ReadOnlySpan<byte> headers)
    {
        while (!headers.IsEmpty)
        {
            int end = headers.IndexOf("\r\n"u8);
            if (end <= 0)
            {
                return null;
            }

            ReadOnlySpan<byte> field = headers.Slice(0, end);
            int colon = field.IndexOf((byte)':');
            if (colon == 4 && Ascii.EqualsIgnoreCase(field.Slice(0, 4), "host"u8))
            {
                return Encoding.ASCII.GetString(field.Slice(5)).Trim();
            }

            headers = headers.Slice(end + 2);
        }

        return null;
    }
}
