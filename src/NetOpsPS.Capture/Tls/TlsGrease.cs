namespace NetOpsPS.Capture.Tls;

/// <summary>
/// GREASE values (RFC 8701 §2): 0x0A0A, 0x1A1A ... 0xFAFA, reserved so that servers learn to ignore unknown
/// values. Fingerprints skip them because clients pick them at random per connection.
/// </summary>
public static class TlsGrease
{
    /// <summary>True for the sixteen reserved two-byte GREASE values.</summary>
    public static bool IsGrease(ushort value) => (value & 0x0F0F) == 0x0A0A && (value >> 8) == (value & 0xFF);
}
