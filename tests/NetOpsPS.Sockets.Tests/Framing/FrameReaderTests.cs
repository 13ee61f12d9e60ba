using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO.Pipelines;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Framing;
using NetOpsPS.Sockets.Tests.Framing.Support;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Framing;

public sealed class FrameReaderTests
{
    private readonly Pipe _pipe = new();

    [Fact]
    public async Task ReadsEveryFrameAcrossManyFlushesThenNull()
    {
        string[] lines = Enumerable.Range(0, 500).Select(i => new string((char)('a' + (i % 26)), i % 50)).ToArray();
        byte[] stream = Encoding.ASCII.GetBytes(string.Concat(lines.Select((l, i) => l + (i % 2 == 0 ? "\n" : "\r\n"))));
        Task writer = WriteAsync(Splits.Random(stream, new Random(5), 97), complete: true);

        var reader = new FrameReader(_pipe.Reader, new LineFramingOptions(64).CreateDecoder());
        var frames = new List<string>();
        while (await reader.ReadFrameAsync() is { } frame)
        {
            frames.Add(Encoding.ASCII.GetString(frame.ToArray()));
        }

        await writer;
        Assert.Equal(lines, frames);
        Assert.Null(await reader.ReadFrameAsync());
    }

    [Fact]
    public async Task APartialFrameWaitsForMoreBytesWithoutSpinning()
    {
        var counting = new CountingPipeReader(_pipe.Reader, mostReads: 10);
        var reader = new FrameReader(counting, new LineFramingOptions(64).CreateDecoder());
        await WriteAsync(["par"u8.ToArray()], complete: false);

        ValueTask<ReadOnlySequence<byte>?> read = reader.ReadFrameAsync();
        Assert.False(read.IsCompleted);
        Assert.Equal(2, counting.Reads);

        await WriteAsync(["tial\n"u8.ToArray()], complete: false);
        Assert.Equal("partial", Text(await read));
        Assert.Equal(2, counting.Reads);
    }

    [Fact]
    public async Task TheFramesOfOneReadComeWithoutAnotherRead()
    {
        var counting = new CountingPipeReader(_pipe.Reader);
        var reader = new FrameReader(counting, new LineFramingOptions(64).CreateDecoder());
        await WriteAsync(["a\nb\nc\nd"u8.ToArray()], complete: false);

        Assert.Equal("a", Text(await reader.ReadFrameAsync()));
        Assert.True(reader.TryReadFrame(out ReadOnlySequence<byte> b));
        Assert.True(reader.TryReadFrame(out ReadOnlySequence<byte> c));
        Assert.False(reader.TryReadFrame(out _));
        Assert.Equal("b", Text(b));
        Assert.Equal("c", Text(c));
        Assert.Equal(1, counting.Reads);
    }

    [Fact]
    public async Task FramesStayValidWhileMoreBytesArriveUntilTheNextRead()
    {
        var reader = new FrameReader(_pipe.Reader, new LineFramingOptions(20_000).CreateDecoder());
        await WriteAsync(["one\ntwo\n"u8.ToArray()], complete: false);
        ReadOnlySequence<byte>? one = await reader.ReadFrameAsync();
        Assert.True(reader.TryReadFrame(out ReadOnlySequence<byte> two));

        await WriteAsync([new byte[10_000], "\n"u8.ToArray()], complete: true);
        Assert.Equal("one", Text(one));
        Assert.Equal("two", Text(two));
        Assert.Equal(10_000, (await reader.ReadFrameAsync())?.Length);
    }

    [Fact]
    public async Task AFramingErrorIsThrownAndTheNextReadGoesOn()
    {
        var reader = new FrameReader(_pipe.Reader, new LineFramingOptions(4).CreateDecoder());
        await WriteAsync(["far too long\nok\n"u8.ToArray()], complete: true);

        FramingException error = await Assert.ThrowsAsync<FramingException>(async () => await reader.ReadFrameAsync());
        Assert.Equal(FramingError.TooLong, error.Error);
        Assert.Equal("ok", Text(await reader.ReadFrameAsync()));
        Assert.Null(await reader.ReadFrameAsync());
    }

    [Fact]
    public async Task AStreamThatEndsInsideAFrameIsTruncatedThenEnded()
    {
        var reader = new FrameReader(_pipe.Reader, new LengthFieldFramingOptions(64, 0, 1, initialBytesToStrip: 1).CreateDecoder());
        await WriteAsync([[2, 1, 2, 5, 1]], complete: true);

        Assert.Equal([1, 2], (await reader.ReadFrameAsync())?.ToArray());
        FramingException error = await Assert.ThrowsAsync<FramingException>(async () => await reader.ReadFrameAsync());
        Assert.Equal(FramingError.Truncated, error.Error);
        Assert.Null(await reader.ReadFrameAsync());
        Assert.Null(await reader.ReadFrameAsync());
    }

    [Fact]
    public async Task AtTheEndTryDecodeLastIsAskedUntilItHasNoMoreFrames()
    {
        // "aaa" may still follow "x" until the end; then "a" ends "x", and the last "a" ends an empty frame.
        var reader = new FrameReader(_pipe.Reader, new DelimiterFramingOptions(8, ["aaa"u8.ToArray(), "a"u8.ToArray()]).CreateDecoder());
        await WriteAsync(["xaa"u8.ToArray()], complete: true);

        Assert.Equal("x", Text(await reader.ReadFrameAsync()));
        Assert.Equal("", Text(await reader.ReadFrameAsync()));
        Assert.Null(await reader.ReadFrameAsync());
    }

    [Fact]
    public async Task CancellationThrowsAndKeepsThePartialFrame()
    {
        var reader = new FrameReader(_pipe.Reader, new LineFramingOptions(64).CreateDecoder());
        await WriteAsync(["par"u8.ToArray()], complete: false);
        using var cancellation = new CancellationTokenSource();
        ValueTask<ReadOnlySequence<byte>?> read = reader.ReadFrameAsync(cancellation.Token);
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await read);

        await WriteAsync(["tial\n"u8.ToArray()], complete: false);
        Assert.Equal("partial", Text(await reader.ReadFrameAsync()));
    }

    [Fact]
    public async Task ACancelledPendingReadThrowsAndKeepsThePartialFrame()
    {
        var reader = new FrameReader(_pipe.Reader, new LineFramingOptions(64).CreateDecoder());
        await WriteAsync(["par"u8.ToArray()], complete: false);
        ValueTask<ReadOnlySequence<byte>?> read = reader.ReadFrameAsync();
        _pipe.Reader.CancelPendingRead();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await read);

        await WriteAsync(["tial\n"u8.ToArray()], complete: false);
        Assert.Equal("partial", Text(await reader.ReadFrameAsync()));
    }

    private async Task WriteAsync(IEnumerable<byte[]> chunks, bool complete)
    {
        foreach (byte[] chunk in chunks)
        {
            await _pipe.Writer.WriteAsync(chunk);
        }

        if (complete)
        {
            await _pipe.Writer.CompleteAsync();
        }
    }

    private static string Text(ReadOnlySequence<byte>? frame) =>
        frame is { } bytes ? Encoding.ASCII.GetString(bytes.ToArray()) : "<end of stream>";
}
