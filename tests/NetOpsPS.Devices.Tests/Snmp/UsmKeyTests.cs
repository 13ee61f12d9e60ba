using System;
using NetOpsPS.Devices.Snmp;
using NetOpsPS.Devices.Snmp.Internal;
using Xunit;

namespace NetOpsPS.Devices.Tests.Snmp;

/// <summary>Published test vectors: RFC 3414 A.3 (password to key, localisation) and FIPS 180-4 SHA-224.</summary>
public sealed class UsmKeyTests
{
    private static readonly byte[] EngineId = Convert.FromHexString("000000000000000000000002");

    [Theory]
    [InlineData(SnmpAuthProtocol.Md5, "9FAF3283884E92834EBC9847D8EDD963", "526F5EED9FCCE26F8964C2930787D82B")]
    [InlineData(SnmpAuthProtocol.Sha1, "9FB5CC0381497B3793528939FF788D5D79145211", "6695FEBC9288E36282235FC7151F128497B38F3F")]
    public void Rfc3414_appendix_A3_keys(SnmpAuthProtocol protocol, string ku, string kul)
    {
        UsmAuthentication auth = UsmAuthentication.For(protocol);

        byte[] key = auth.PasswordToKey("maplesyrup"u8);

        Assert.Equal(ku, Convert.ToHexString(key));
        Assert.Equal(kul, Convert.ToHexString(auth.Localize(key, EngineId)));
    }

    [Theory]
    [InlineData("abc", "23097D223405D8228642A477BDA255B32AADBCE4BDA0B3F7E36C9DA7")]
    [InlineData("", "D14A028C2A3A2BC9476102BB288234C415A2B01F828EA62AC5B3E42F")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "75388B16512776CC5DBA5DA1FD890150B0C6455CB4F58B1952522525")]
    public void Sha224_matches_fips_180_4(string text, string digest)
    {
        Assert.Equal(digest, Convert.ToHexString(Sha224.Hash(System.Text.Encoding.ASCII.GetBytes(text))));
    }

    [Fact]
    public void Hmac_sha224_matches_rfc4231_case_2()
    {
        byte[] mac = Sha224.Hmac("Jefe"u8, "what do ya want for nothing?"u8.ToArray());

        Assert.Equal("A30E01098BC6DBBF45690F3A7E9E6D0F8BBEA2A39E6148008FD05E44", Convert.ToHexString(mac));
    }

    [Fact]
    public void Blumenthal_and_Reeder_extensions_differ_for_a_sha1_key_and_agree_for_sha256()
    {
        byte[] engine = Convert.FromHexString("80001F8804746573742D656E67696E65");
        UsmAuthentication sha1 = UsmAuthentication.For(SnmpAuthProtocol.Sha1);
        UsmAuthentication sha256 = UsmAuthentication.For(SnmpAuthProtocol.Sha256);
        byte[] ku1 = sha1.PasswordToKey("privpass-aes256"u8);
        byte[] ku256 = sha256.PasswordToKey("privpass-aes256"u8);

        byte[] blumenthal = UsmPrivacy.LocalizeKey(sha1, SnmpPrivProtocol.Aes256, ku1, engine);
        byte[] reeder = UsmPrivacy.LocalizeKey(sha1, SnmpPrivProtocol.Aes256Cisco, ku1, engine);

        Assert.Equal(32, blumenthal.Length);
        Assert.Equal(blumenthal[..20], reeder[..20]);
        Assert.NotEqual(blumenthal, reeder);
        Assert.Equal(
            UsmPrivacy.LocalizeKey(sha256, SnmpPrivProtocol.Aes256, ku256, engine),
            UsmPrivacy.LocalizeKey(sha256, SnmpPrivProtocol.Aes256Cisco, ku256, engine));
    }
}
