using System;
using NetOpsPS.Devices.Discovery;
using Xunit;

namespace NetOpsPS.Devices.Tests.Discovery;

public sealed class HostRangeTests
{
    [Fact]
    public void A_cidr_block_leaves_out_its_network_and_broadcast_addresses()
    {
        Assert.Equal(["10.0.0.1", "10.0.0.2"], HostRange.Expand("10.0.0.0/30"));
        Assert.Equal(["10.0.0.4", "10.0.0.5"], HostRange.Expand("10.0.0.5/31"));
        Assert.Equal(254, HostRange.Expand("192.168.7.99/24").Count);
    }

    [Fact]
    public void Ranges_take_a_last_octet_or_a_full_address()
    {
        Assert.Equal(["127.0.0.2", "127.0.0.3", "127.0.0.4"], HostRange.Expand("127.0.0.2-4"));
        Assert.Equal(["10.0.0.255", "10.0.1.0"], HostRange.Expand("10.0.0.255-10.0.1.0"));
        Assert.Equal(["::1", "::2"], HostRange.Expand("::1-::2"));
    }

    [Fact]
    public void Single_addresses_and_names_pass_through()
    {
        Assert.Equal(["::1"], HostRange.Expand("[::1]"));
        Assert.Equal(["router1.example.net"], HostRange.Expand(" router1.example.net "));
    }

    [Theory]
    [InlineData("10.0.0.0/8")]
    [InlineData("10.0.0.9-3")]
    [InlineData("10.0.0.1-::5")]
    [InlineData("10.0.0.0/33")]
    [InlineData("not a host!")]
    public void Oversized_or_malformed_items_are_refused(string item) =>
        Assert.Throws<FormatException>(() => HostRange.Expand(item));
}
