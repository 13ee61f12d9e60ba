using System;
using NetOpsPS.Capture.Tls;
using Xunit;

namespace NetOpsPS.Capture.Tests.Tls;

/// <summary>JA4 and JA3 against the worked example in FoxIO's JA4 technical details, with and without GREASE.</summary>
public sealed class Ja4SpecTests
{
    // The spec's example ClientHello: 15 ciphers, 16 extensions (SNI and ALPN among them), 8 signature algorithms.
    internal static HelloBuilder SpecExample(bool grease)
    {
        var b = new HelloBuilder
        {
            CipherSuites = grease
                ? [0x3a3a, 0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8, 0xc013, 0xc014, 0x009c, 0x009d, 0x002f, 0x0035]
                : [0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8, 0xc013, 0xc014, 0x009c, 0x009d, 0x002f, 0x0035],
        };
        if (grease)
        {
            b.Extension(0x8a8a, []);
        }

        b.Extension(0x001b, [2, 0, 2]).Sni("www.example.com").Extension(0x0033, [0, 0]).Alpn("h2", "http/1.1")
            .Extension(0x4469, [0, 3, 2, 0x68, 0x32])
            .List16(0x000a, grease ? [0x4a4a, 0x001d, 0x0017, 0x0018] : [0x001d, 0x0017, 0x0018])
            .Extension(0x0017, []).Extension(0x002d, [1, 1])
            .List16(0x000d, 0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601)
            .Extension(0x0005, [1, 0, 0, 0, 0]).Extension(0x0023, []).Extension(0x0012, [])
            .SupportedVersions(grease ? [0x5a5a, 0x0304, 0x0303] : [0x0304, 0x0303])
            .Extension(0xff01, [0]).PointFormats(0).Extension(0x0015, [0, 0]);
        if (grease)
        {
            b.Extension(0x9a9a, [0]);
        }

        return b;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SpecExampleGivesTheSpecFingerprint(bool grease)
    {
        byte[] message = SpecExample(grease).ClientHelloMessage();
        TlsClientHello hello = TlsHelloParser.ParseClientHello(message.AsSpan(4), message.Length - 4, 0x0301);

        Assert.Equal(TlsDecodeStatus.Complete, hello.Status);
        Assert.Equal("t13d1516h2_8daaf6152771_e5627efa2ab1", hello.Ja4);
        Assert.Equal(
            "t13d1516h2_002f,0035,009c,009d,1301,1302,1303,c013,c014,c02b,c02c,c02f,c030,cca8,cca9_0005,000a,000b,000d,0012,0015,0017,001b,0023,002b,002d,0033,4469,ff01_0403,0804,0401,0503,0805,0501,0806,0601",
            hello.Ja4Raw);
        // JA3 leaves GREASE out of every list, so both variants share one string.
        Assert.Equal(
            "771,4865-4866-4867-49195-49199-49196-49200-52393-52392-49171-49172-156-157-47-53,27-0-51-16-17513-10-23-45-13-5-35-18-43-65281-11-21,29-23-24,0",
            hello.Ja3);
        Assert.Equal(grease ? 18 : 16, hello.Extensions.Count);
    }

    [Fact]
    public void NoSignatureAlgorithmsHashesTheExtensionsAlone()
    {
        var b = new HelloBuilder { CipherSuites = [0x1301] }
            .Extension(0x001b, []).Extension(0x0033, []).Extension(0x4469, []).Extension(0x0017, []).Extension(0x002d, [])
            .Extension(0x000d, [0, 0]).Extension(0x0005, []).Extension(0x0023, []).Extension(0x0012, []).SupportedVersions(0x0304)
            .Extension(0xff01, []).Extension(0x000b, [0]).Extension(0x000a, [0, 0]).Extension(0x0015, []);
        byte[] message = b.ClientHelloMessage();
        TlsClientHello hello = TlsHelloParser.ParseClientHello(message.AsSpan(4), message.Length - 4, 0x0301);

        // The spec: "0005,000a,000b,000d,0012,0015,0017,001b,0023,002b,002d,0033,4469,ff01 = 6d807ffa2a79".
        Assert.EndsWith("_6d807ffa2a79", hello.Ja4, StringComparison.Ordinal);
        Assert.StartsWith("t13i011400_", hello.Ja4, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x68, 0x32 }, "h2")]
    [InlineData(new byte[] { 0x68, 0x74, 0x74, 0x70, 0x2f, 0x31, 0x2e, 0x31 }, "h1")]
    [InlineData(new byte[] { 0x68 }, "hh")]
    [InlineData(new byte[] { 0xab, 0x61 }, "a1")]
    [InlineData(new byte[] { 0x30, 0xcd }, "3d")]
    public void AlpnCharactersFollowTheSpec(byte[] alpn, string expected)
    {
        byte[] message = new HelloBuilder().AlpnBytes(alpn).ClientHelloMessage();
        TlsClientHello hello = TlsHelloParser.ParseClientHello(message.AsSpan(4), message.Length - 4, 0x0301);

        Assert.Equal("t12i0301" + expected, hello.Ja4[..10]);
    }

    [Fact]
    public void NoCiphersOrExtensionsHashAsZeros()
    {
        byte[] message = new HelloBuilder { CipherSuites = [] }.ClientHelloMessage();
        TlsClientHello hello = TlsHelloParser.ParseClientHello(message.AsSpan(4), message.Length - 4, 0x0301);

        Assert.Equal("t12i000000_000000000000_000000000000", hello.Ja4);
        Assert.Equal(TlsDecodeStatus.Malformed, hello.Status);
    }
}
