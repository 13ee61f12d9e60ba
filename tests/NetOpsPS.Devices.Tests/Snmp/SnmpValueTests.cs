using System;
using System.Linq;
using System.Net;
using NetOpsPS.Devices.Snmp;
using Xunit;

namespace NetOpsPS.Devices.Tests.Snmp;

public sealed class SnmpValueTests
{
    [Theory]
    [InlineData("1.3.6.1.2.1.1.5.0", ".1.3.6.1.2.1.1.5.0", "sysName.0")]
    [InlineData(".1.3.6.1.2.1.31.1.1.1.6.3", ".1.3.6.1.2.1.31.1.1.1.6.3", "ifHCInOctets.3")]
    [InlineData("sysUpTime.0", ".1.3.6.1.2.1.1.3.0", "sysUpTime.0")]
    [InlineData("hrSWRunName.42", ".1.3.6.1.2.1.25.4.2.1.2.42", "hrSWRunName.42")]
    [InlineData("1.3.6.1.4.1.99999.1.0", ".1.3.6.1.4.1.99999.1.0", "enterprises.99999.1.0")]
    public void Oids_parse_from_numbers_or_names_and_print_both(string text, string numeric, string name)
    {
        SnmpOid oid = SnmpOid.Parse(text);

        Assert.Equal(numeric, oid.ToString());
        Assert.Equal(name, oid.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.3.x")]
    [InlineData("3.1")]
    [InlineData("noSuchName.1")]
    [InlineData("1.3.6.4294967296")]
    public void Bad_oids_are_refused(string text)
    {
        Assert.False(SnmpOid.TryParse(text, out _));
        Assert.Throws<FormatException>(() => SnmpOid.Parse(text));
    }

    [Fact]
    public void Oids_order_by_sub_identifier_not_by_text()
    {
        SnmpOid[] oids = new[] { "1.3.6.1.2.1.2.2.1.10.1", "1.3.6.1.2.1.2.2.1.2.1", "1.3.6.1.2.1.2.2.1.2" }.Select(SnmpOid.Parse).ToArray();

        Assert.Equal(["1.3.6.1.2.1.2.2.1.2", "1.3.6.1.2.1.2.2.1.2.1", "1.3.6.1.2.1.2.2.1.10.1"], oids.Order().Select(o => o.ToString()[1..]));
        Assert.True(oids[1].StartsWith(oids[2]));
    }

    [Fact]
    public void Values_show_text_when_printable_and_hex_otherwise()
    {
        Assert.Equal("peers", SnmpValue.OctetString("peers").ToString());
        Assert.Equal("00 1A 2B FF", SnmpValue.OctetString(new byte[] { 0x00, 0x1A, 0x2B, 0xFF }).ToString());
        Assert.Equal("1.02:03:04.05", SnmpValue.TimeTicks(9_378_405).ToString());
        Assert.Equal(TimeSpan.FromSeconds(93_784.05), SnmpValue.TimeTicks(9_378_405).Value);
        Assert.Equal("noSuchInstance", SnmpValue.NoSuchInstance.ToString());
        Assert.Equal(18_446_744_073_709_551_615UL, SnmpValue.Parse(SnmpType.Counter64, "18446744073709551615").Value);
        Assert.Equal(IPAddress.Parse("192.0.2.1"), SnmpValue.Parse(SnmpType.IpAddress, "192.0.2.1").Value);
        Assert.Equal(new byte[] { 0xCA, 0xFE }, SnmpValue.Parse(SnmpType.OctetString, "0xCAFE").GetBytes());
    }
}
