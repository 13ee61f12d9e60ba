using System;
using System.Globalization;

namespace NetOpsPS.Capture.Tls;

/// <summary>One hello extension, in the order the peer sent it (RFC 8446 §4.2).</summary>
public sealed class TlsExtension
{
    private readonly byte[] _data;

    internal TlsExtension(ushort type, byte[] data, int declaredLength)
    {
        Type = type;
        _data = data;
        Length = declaredLength;
    }

    /// <summary>The extension type code point (0 = server_name, 16 = ALPN, 43 = supported_versions...).</summary>
    public ushort Type { get; }

    /// <summary>The IANA name of <see cref="Type"/>.</summary>
    public string Name => TlsNames.Extension(Type);

    /// <summary>The extension_data length the peer declared (may exceed <see cref="Data"/> when truncated).</summary>
    public int Length { get; }

    /// <summary>True for a GREASE extension type (RFC 8701).</summary>
    public bool IsGrease => TlsGrease.IsGrease(Type);

    /// <summary>The extension_data bytes present in the capture.</summary>
    public ReadOnlyMemory<byte> Data => _data;

    /// <inheritdoc />
    public override string ToString() => Name + "(" + Type.ToString(CultureInfo.InvariantCulture) + ")";
}
