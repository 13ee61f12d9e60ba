using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using NetOpsPS.Sockets.Udp;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Udp;

public sealed class UdpBufferTuningTests
{
    [Fact]
    public void AModestRequestIsGrantedDoubledAndNotCapped()
    {
        using Socket socket = UdpSockets.Bind(new IPEndPoint(IPAddress.Loopback, 0), new UdpBufferOptions { ReceiveBufferSize = 256 * 1024, SendBufferSize = 128 * 1024 }, out IReadOnlyList<UdpBufferGrant> grants);

        UdpBufferGrant receive = grants[0];
        Assert.Equal(UdpBufferDirection.Receive, receive.Direction);
        Assert.Equal(256 * 1024, receive.Requested);
        // Linux keeps twice the value for its bookkeeping (socket(7)).
        Assert.Equal(512 * 1024, receive.Granted);
        Assert.False(receive.Capped);
        Assert.Null(receive.Warning);
        Assert.Equal(UdpBufferDirection.Send, grants[1].Direction);
        Assert.Equal(256 * 1024, grants[1].Granted);
    }

    [Fact]
    public void ARequestAboveRmemMaxIsCappedWithAWarningNamingTheSysctl()
    {
        int limit = UdpBufferTuning.KernelLimit(UdpBufferDirection.Receive)!.Value;
        int asked = checked(limit * 4);
        using Socket socket = UdpSockets.Bind(new IPEndPoint(IPAddress.Loopback, 0), new UdpBufferOptions { ReceiveBufferSize = asked }, out IReadOnlyList<UdpBufferGrant> grants);

        UdpBufferGrant receive = grants[0];
        Assert.True(receive.Capped);
        Assert.False(receive.Forced);
        Assert.Equal(limit * 2, receive.Granted);
        Assert.Equal(limit, receive.KernelLimit);
        Assert.Contains($"net.core.rmem_max={asked}", receive.Warning, System.StringComparison.Ordinal);
        Assert.Equal(0, grants[1].Requested);
        Assert.Null(grants[1].Warning);
    }

    [Fact]
    public void ForceAsRootPassesTheKernelLimit()
    {
        int limit = UdpBufferTuning.KernelLimit(UdpBufferDirection.Receive)!.Value;
        int asked = checked(limit * 4);
        using Socket socket = UdpSockets.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0), new UdpBufferOptions { ReceiveBufferSize = asked, Force = true }, out IReadOnlyList<UdpBufferGrant> grants);

        Assert.True(grants[0].Forced);
        Assert.False(grants[0].Capped);
        Assert.Equal(asked * 2, grants[0].Granted);
    }

    [Fact]
    public void ANegativeSizeIsAnInvalidArgument()
    {
        SocketsException ex = Assert.Throws<SocketsException>(() => UdpSockets.Bind(new IPEndPoint(IPAddress.Loopback, 0), new UdpBufferOptions { SendBufferSize = -1 }, out _));
        Assert.Equal(SocketsError.InvalidArgument, ex.Error);
    }
}
