using System;
using System.Globalization;
using NetOpsPS.Capture.Tls;

namespace NetOpsPS.Capture.Rules;

/// <summary>Reads versions, cipher suites and durations as people write them in rules.</summary>
public static class TlsCodeParser
{
    /// <summary>SSL3.0, SSLv3, TLS1.0, TLSv1.2, "TLS 1.3", or a code such as 0x0301 or 769.</summary>
    public static bool TryParseVersion(string text, out ushort value)
    {
        ArgumentNullException.ThrowIfNull(text);
        string compact = text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("v", string.Empty, StringComparison.OrdinalIgnoreCase).ToUpperInvariant();
        value = compact switch
        {
            "SSL2" or "SSL2.0" => 0x0002,
            "SSL3" or "SSL3.0" => 0x0300,
            "TLS1" or "TLS1.0" => 0x0301,
            "TLS1.1" => 0x0302,
            "TLS1.2" => 0x0303,
            "TLS1.3" => 0x0304,
            _ => 0,
        };
        return value != 0 || TryParseCode(text, out value);
    }

    /// <summary>An IANA cipher suite name (TLS_RSA_WITH_RC4_128_SHA) or a code such as 0x0005 or 5.</summary>
    public static bool TryParseCipherSuite(string text, out ushort value)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TlsNames.TryParseCipherSuite(text.Trim(), out value) || TryParseCode(text, out value);
    }

    /// <summary>250ms, 1.5s, or a TimeSpan such as 00:00:00.250.</summary>
    public static bool TryParseDuration(string text, out TimeSpan value)
    {
        ArgumentNullException.ThrowIfNull(text);
        string t = text.Trim();
        if (t.EndsWith("ms", StringComparison.OrdinalIgnoreCase) && double.TryParse(t[..^2], NumberStyles.Float, CultureInfo.InvariantCulture, out double ms))
        {
            value = TimeSpan.FromMilliseconds(ms);
            return ms > 0;
        }

        if (t.EndsWith('s') && double.TryParse(t[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds))
        {
            value = TimeSpan.FromSeconds(seconds);
            return seconds > 0;
        }

        return TimeSpan.TryParse(t, CultureInfo.InvariantCulture, out value) && value > TimeSpan.Zero;
    }

    // 0xHHHH as registries print codes, or decimal as JA3 strings do (and as PowerShell turns 0x009c into 156).
    private static bool TryParseCode(string text, out ushort value)
    {
        string t = text.Trim();
        return t.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ushort.TryParse(t.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value)
            : ushort.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
