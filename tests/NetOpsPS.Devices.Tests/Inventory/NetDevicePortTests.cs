using NetOpsPS.Devices.Inventory;
using Xunit;

namespace NetOpsPS.Devices.Tests.Inventory;

/// <summary>The one port rule of YAML inventories, pipeline rows and Publish-NetDeviceConfig.</summary>
public sealed class NetDevicePortTests
{
    [Theory]
    [InlineData("1", 1)]
    [InlineData("830", 830)]
    [InlineData("65535", 65535)]
    public void DecimalPortsFromOneTo65535Parse(string text, int expected)
    {
        Assert.True(NetDevice.TryParsePort(text, out int port));
        Assert.Equal(expected, port);
        Assert.True(NetDevice.IsValidPort(port));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("-1")]
    [InlineData("+830")]
    [InlineData(" 830")]
    [InlineData("0x33e")]
    [InlineData("")]
    [InlineData(null)]
    public void AnythingElseIsRefused(string? text) => Assert.False(NetDevice.TryParsePort(text, out _));
}
