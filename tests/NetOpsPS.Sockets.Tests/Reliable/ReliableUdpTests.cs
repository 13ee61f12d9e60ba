using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Impairment;
using NetOpsPS.Sockets.Reliable;
using NetOpsPS.Sockets.Tests.Client;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Reliable;

public sealed class ReliableUdpTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task MessagesArriveCompleteInOrderWithCounters(string address)
    {
        await using ReliableUdpListener listener = ReliableUdpListener.Start(new ReliableUdpListenerOptions { LocalEndPoint = new IPEndPoint(IPAddress.Parse(address), 0) });

        ReliableUdpTransferResult result = await ReliableUdpSender.SendAsync(listener.LocalEndPoint, ReliableTransfer.Numbered(500), ReliableTransfer.Loopback());
        List<ReliableUdpMessage> received = await ReliableTransfer.ReadAsync(listener, 500);

        Assert.True(result.Completed);
        Assert.Equal(500, result.MessagesAcknowledged);
        Assert.Equal(500, result.DataPackets);
        Assert.Equal(listener.Epoch, result.Epoch);
        Assert.True(result.AcksReceived > 0);
        Assert.True(result.SmoothedRtt > TimeSpan.Zero);
        Assert.InRange(result.PeakInFlight, 1, 64);
        Assert.Equal(Enumerable.Range(0, 500).Select(i => $"message {i:D6}"), received.Select(m => m.Text));
        Assert.Equal(Enumerable.Range(0, 500).Select(i => (long)i), received.Select(m => m.Number));
        Assert.All(received, m => Assert.Equal(result.SessionId, m.SessionId));
        Assert.Equal(500, listener.MessagesDelivered);
    }

    [Fact]
    public async Task MessagesAboveTheDatagramSizeAreFragmentedAndReassembled()
    {
        await using ReliableUdpListener listener = ReliableUdpListener.Start(new ReliableUdpListenerOptions());
        byte[] big = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7)).ToArray();
        var messages = new ReadOnlyMemory<byte>[] { big, Array.Empty<byte>(), Encoding.ASCII.GetBytes("tail") };

        ReliableUdpTransferResult result = await ReliableUdpSender.SendAsync(listener.LocalEndPoint, messages, ReliableTransfer.Loopback());
        List<ReliableUdpMessage> received = await ReliableTransfer.ReadAsync(listener, 3);

        // 100,000 bytes in 1,178-byte fragments is 85 packets, the empty message one, "tail" one.
        Assert.Equal(87, result.DataPackets);
        Assert.Equal(big, received[0].Data);
        Assert.Empty(received[1].Data);
        Assert.Equal("tail", received[2].Text);
    }

    [Fact]
    public async Task TenThousandMessagesSurviveLossReorderAndDuplicationCompleteAndInOrder()
    {
        await using ReliableUdpListener listener = ReliableUdpListener.Start(new ReliableUdpListenerOptions());
        await using UdpImpairmentRelay relay = UdpImpairmentRelay.Start(new UdpImpairmentRelayOptions
        {
            Target = listener.LocalEndPoint,
            Impairment = new UdpImpairmentOptions { LossProbability = 0.20, ReorderProbability = 0.10, DuplicateProbability = 0.05, Seed = 4242 },
        });

        Task<List<ReliableUdpMessage>> reading = ReliableTransfer.ReadAsync(listener, 10_000);
        ReliableUdpTransferResult result = await ReliableUdpSender.SendAsync(relay.LocalEndPoint, ReliableTransfer.Numbered(10_000), ReliableTransfer.Loopback(maxRetries: 20));
        List<ReliableUdpMessage> received = await reading;

        Assert.True(result.Completed);
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => $"message {i:D6}"), received.Select(m => m.Text));
        Assert.True(result.Retransmissions > 0);
        Assert.True(result.FastRetransmits > 0);
        Assert.True(relay.Dropped > 0 && relay.Reordered > 0 && relay.Duplicated > 0);
        Assert.True(listener.DuplicatePackets > 0);
        Assert.Equal(10_000, listener.MessagesDelivered);
        Assert.False(listener.TryReceive(out _));
    }

    [Fact]
    public async Task ASilentListenerExhaustsTheRetriesWithAClearError()
    {
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));

        ReliableUdpException ex = await Assert.ThrowsAsync<ReliableUdpException>(
            () => ReliableUdpSender.SendAsync((IPEndPoint)silent.LocalEndPoint!, ReliableTransfer.Numbered(3), ReliableTransfer.Loopback(maxRetries: 3)));

        Assert.Equal(ReliableUdpErrorKind.RetriesExhausted, ex.Kind);
        Assert.Contains("not acknowledged", ex.Message, StringComparison.Ordinal);
        Assert.Contains("after 3 retransmissions", ex.Message, StringComparison.Ordinal);
        Assert.Contains("0 of 3 messages were acknowledged", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, ex.Result!.MessagesAcknowledged);
        // Each packet has its own timer, so the other two may be a round behind the one that gave up.
        Assert.InRange(ex.Result.Timeouts, 3, 9);
        Assert.Equal(0, ex.Result.FastRetransmits);
        Assert.Equal(3 + ex.Result.Timeouts, ex.Result.PacketsSent);
    }

    [Fact]
    public async Task AListenerRestartMidTransferFailsTheSenderWithPeerRestarted()
    {
        ReliableUdpListener first = ReliableUdpListener.Start(new ReliableUdpListenerOptions());
        IPEndPoint endPoint = first.LocalEndPoint;
        await using UdpImpairmentRelay relay = UdpImpairmentRelay.Start(new UdpImpairmentRelayOptions { Target = endPoint });
        var options = ReliableTransfer.Loopback(maxRetries: 50);
        options.Window = 4;

        Task<ReliableUdpTransferResult> sending = ReliableUdpSender.SendAsync(relay.LocalEndPoint, ReliableTransfer.Numbered(10_000), options);
        List<ReliableUdpMessage> before = await ReliableTransfer.ReadAsync(first, 100);
        // An outage while the listener restarts, so the sender cannot finish meanwhile.
        relay.LinkDown = true;
        await first.StopAsync();
        await using ReliableUdpListener second = ReliableUdpListener.Start(new ReliableUdpListenerOptions { LocalEndPoint = endPoint });
        relay.LinkDown = false;

        ReliableUdpException ex = await Assert.ThrowsAsync<ReliableUdpException>(() => sending);

        Assert.Equal(ReliableUdpErrorKind.PeerRestarted, ex.Kind);
        Assert.Contains("restarted mid-transfer", ex.Message, StringComparison.Ordinal);
        Assert.NotEqual(first.Epoch, second.Epoch);
        // The window (4) bounds what was delivered but not yet acknowledged when the link went down.
        Assert.InRange(ex.Result!.MessagesAcknowledged, 100 - options.Window, first.MessagesDelivered);
        Assert.True(first.MessagesDelivered < 10_000);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"message {i:D6}"), before.Select(m => m.Text));
        // The new incarnation opened no session for the old transfer and delivered nothing of it.
        Assert.True(second.StalePackets > 0);
        Assert.Equal(0, second.SessionsStarted);
        Assert.Equal(0, second.MessagesDelivered);
    }

    [Fact]
    public async Task ASessionTheListenerForgotFailsTheSenderWithSessionExpired()
    {
        await using ReliableUdpListener listener = ReliableUdpListener.Start(new ReliableUdpListenerOptions { SessionIdleTimeout = TimeSpan.FromMilliseconds(300) });
        await using UdpImpairmentRelay relay = UdpImpairmentRelay.Start(new UdpImpairmentRelayOptions { Target = listener.LocalEndPoint });
        var options = ReliableTransfer.Loopback(maxRetries: 50);
        options.Window = 4;

        Task<ReliableUdpTransferResult> sending = ReliableUdpSender.SendAsync(relay.LocalEndPoint, ReliableTransfer.Numbered(10_000), options);
        // A stall of the busy test machine longer than the idle timeout expires the session early; that ends the same way.
        if (await Task.WhenAny(ReliableTransfer.ReadAsync(listener, 100), sending) != sending)
        {
            relay.LinkDown = true;
            // Six rounds of timeouts of four packets (20 + 40 + ... + 640 ms at least) outlast the 300 ms idle timeout.
            long dropped = relay.Dropped;
            await Eventually.True(
                () => relay.Dropped >= dropped + 24 || sending.IsCompleted,
                () => $"six rounds of timeouts on the downed link, {relay.Dropped - dropped} of 24 packets dropped so far",
                TimeSpan.FromSeconds(30));

            relay.LinkDown = false;
        }

        ReliableUdpException ex = await Assert.ThrowsAsync<ReliableUdpException>(() => sending);

        Assert.Equal(ReliableUdpErrorKind.SessionExpired, ex.Kind);
        Assert.Contains("no longer knows this transfer", ex.Message, StringComparison.Ordinal);
        Assert.Equal(listener.Epoch, ex.Result!.Epoch);
        Assert.True(listener.StalePackets > 0);
        Assert.True(ex.Result.MessagesAcknowledged < 10_000);
    }

    [Fact]
    public async Task MalformedDatagramsAreCountedAndTheListenerKeepsWorking()
    {
        await using ReliableUdpListener listener = ReliableUdpListener.Start(new ReliableUdpListenerOptions());
        using var attacker = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var random = new Random(7);
        byte[][] junk =
        {
            Array.Empty<byte>(),
            new byte[] { 0x52 },
            Convert.FromHexString("52550101000000010000000000000000000300020005"),
            Convert.FromHexString("525501010000000100000000000000000000000100050102"),
            Convert.FromHexString("5255010200000001000000010000000000400000"),
        };
        foreach (byte[] datagram in junk.Concat(Enumerable.Range(0, 200).Select(_ => RandomBytes(random))))
        {
            attacker.SendTo(datagram, listener.LocalEndPoint);
        }

        ReliableUdpTransferResult result = await ReliableUdpSender.SendAsync(listener.LocalEndPoint, ReliableTransfer.Numbered(10), ReliableTransfer.Loopback());
        List<ReliableUdpMessage> received = await ReliableTransfer.ReadAsync(listener, 10);

        Assert.True(result.Completed);
        Assert.Equal("message 000009", received[9].Text);
        // The socket is FIFO: every junk datagram was taken before the transfer's first packet.
        Assert.Equal(205, listener.MalformedPackets);
        Assert.Equal(1, listener.SessionsStarted);
        Assert.Equal(Sockets.Udp.UdpServiceState.Running, listener.State);
    }

    [Fact]
    public async Task AMessageOverTheLimitIsRefusedBeforeAnythingIsSent()
    {
        var options = ReliableTransfer.Loopback();
        options.MaxMessageSize = 1000;
        ReliableUdpException ex = await Assert.ThrowsAsync<ReliableUdpException>(
            () => ReliableUdpSender.SendAsync(new IPEndPoint(IPAddress.Loopback, 9), new ReadOnlyMemory<byte>[] { new byte[1001] }, options));
        Assert.Equal(ReliableUdpErrorKind.MessageTooLarge, ex.Kind);
    }

    [Fact]
    public async Task TheSmallestDatagramSizeCarriesAMessage()
    {
        await using ReliableUdpListener listener = ReliableUdpListener.Start(new ReliableUdpListenerOptions());
        var options = ReliableTransfer.Loopback();
        options.MaxDatagramSize = 64;
        byte[] message = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();

        ReliableUdpTransferResult result = await ReliableUdpSender.SendAsync(listener.LocalEndPoint, new ReadOnlyMemory<byte>[] { message }, options);
        List<ReliableUdpMessage> received = await ReliableTransfer.ReadAsync(listener, 1);

        Assert.True(result.Completed);
        // 1,000 bytes in 42-byte fragments (64 less the 22-byte data header) is 24 packets.
        Assert.Equal(24, result.DataPackets);
        Assert.Equal(message, received[0].Data);
    }

    [Fact]
    public async Task AMessageOverSixtyFiveThousandFragmentsIsRefusedBeforeAnythingIsSent()
    {
        var options = ReliableTransfer.Loopback();
        options.MaxDatagramSize = 64;
        // 42-byte fragments: 65,535 of them hold 2,752,470 bytes, well under the default MaxMessageSize.
        ReliableUdpException ex = await Assert.ThrowsAsync<ReliableUdpException>(
            () => ReliableUdpSender.SendAsync(new IPEndPoint(IPAddress.Loopback, 9), new ReadOnlyMemory<byte>[] { new byte[(42 * 65_535) + 1] }, options));
        Assert.Equal(ReliableUdpErrorKind.MessageTooLarge, ex.Kind);
        Assert.Contains("65,535 fragments", ex.Message, StringComparison.Ordinal);
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(1, 300)];
        random.NextBytes(bytes);
        // Half of them look like ours, so the parser's deeper checks are exercised too.
        if (bytes.Length > 4 && random.Next(2) == 0)
        {
            bytes[0] = 0x52;
            bytes[1] = 0x55;
            bytes[2] = 1;
            bytes[3] = 1;
        }

        return bytes;
    }
}
