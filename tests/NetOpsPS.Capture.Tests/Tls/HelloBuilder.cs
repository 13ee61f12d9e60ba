using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace NetOpsPS.Capture.Tests.Tls;

/// <summary>Builds ClientHello and ServerHello records byte by byte (RFC 8446 §4.1.2/§4.1.3) for crafted cases.</summary>
internal sealed class HelloBuilder
{
    private readonly List<(ushort Type, byte[] Data)> _extensions = [];

    public ushort LegacyVersion { get; set; } = 0x0303;

    public ushort[] CipherSuites { get; set; } = [0x1301, 0x1302, 0xc02b];

    public HelloBuilder Extension(ushort type, byte[] data)
    {
        _extensions.Add((type, data));
        return this;
    }

    public HelloBuilder Sni(string host)
    {
        byte[] name = Encoding.ASCII.GetBytes(host);
        return Extension(0, [.. U16(name.Length + 3), 0, .. U16(name.Length), .. name]);
    }

    public HelloBuilder Alpn(params string[] protocols)
    {
        byte[] list = protocols.SelectMany(p => new[] { (byte)p.Length }.Concat(Encoding.ASCII.GetBytes(p))).ToArray();
        return Extension(16, [.. U16(list.Length), .. list]);
    }

    public HelloBuilder AlpnBytes(byte[] protocol) => Extension(16, [.. U16(protocol.Length + 1), (byte)protocol.Length, .. protocol]);

    public HelloBuilder SupportedVersions(params ushort[] versions) =>
        Extension(43, [(byte)(versions.Length * 2), .. versions.SelectMany(U16)]);

    public HelloBuilder List16(ushort type, params ushort[] values) =>
        Extension(type, [.. U16(values.Length * 2), .. values.SelectMany(U16)]);

    public HelloBuilder PointFormats(params byte[] formats) => Extension(11, [(byte)formats.Length, .. formats]);

    /// <summary>The handshake message: type, 24-bit length, body.</summary>
    public byte[] ClientHelloMessage()
    {
        byte[] extensions = _extensions.SelectMany(e => U16(e.Type).Concat(U16(e.Data.Length)).Concat(e.Data)).ToArray();
        byte[] body =
        [
            .. U16(LegacyVersion), .. new byte[32], 0,
            .. U16(CipherSuites.Length * 2), .. CipherSuites.SelectMany(U16),
            1, 0,
            .. U16(extensions.Length), .. extensions,
        ];
        return [1, .. U24(body.Length), .. body];
    }

    /// <summary>The ClientHello in one handshake record.</summary>
    public byte[] ClientHelloRecord() => Record(ClientHelloMessage());

    public static byte[] ServerHelloRecord(ushort cipher, ushort? selectedVersion = null, string? alpn = null)
    {
        var extensions = new List<byte>();
        if (selectedVersion is { } v)
        {
            extensions.AddRange([.. U16(43), .. U16(2), .. U16(v)]);
        }

        if (alpn is not null)
        {
            extensions.AddRange([.. U16(16), .. U16(alpn.Length + 3), .. U16(alpn.Length + 1), (byte)alpn.Length, .. Encoding.ASCII.GetBytes(alpn)]);
        }

        byte[] body = [.. U16(0x0303), .. Enumerable.Repeat((byte)7, 32), 0, .. U16(cipher), 0, .. U16(extensions.Count), .. extensions];
        return Record([2, .. U24(body.Length), .. body]);
    }

    public static byte[] Record(byte[] fragment, byte contentType = 22) => [contentType, 3, 1, .. U16(fragment.Length), .. fragment];

    public static byte[] U16(int value) => [(byte)(value >> 8), (byte)value];

    public static byte[] U16(ushort value) => U16((int)value);

    private static byte[] U24(int value) => [(byte)(value >> 16), (byte)(value >> 8), (byte)value];
}
