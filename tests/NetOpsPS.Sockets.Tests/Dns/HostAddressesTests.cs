using System.Net;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Sockets.DnsTools;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Dns;

public sealed class HostAddressesTests
{
    [Theory]
    [InlineData("192.0.2.7", "192.0.2.7")]
    [InlineData("2001:db8::7", "2001:db8::7")]
    [InlineData("[2001:db8::7]", "2001:db8::7")]
    [InlineData("localhost", "127.0.0.1")]
    public async Task LiteralsAreTakenAsTheyAreAndNamesPreferIPv4(string host, string expected)
    {
        Assert.Equal(IPAddress.Parse(expected), await HostAddresses.ResolveAsync(host, CancellationToken.None));
    }
}
