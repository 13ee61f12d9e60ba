using System;
using System.IO;
using System.Text.Json;

namespace NetOpsPS.Devices.Push;

/// <summary>
/// The structured log of a batch: one JSON object per line and per step (time, batch, device, step,
/// outcome, milliseconds, error), flushed line by line so a stopped batch still leaves its trail.
/// Never holds configurations or credentials.
/// </summary>
public sealed class PushLog : IDisposable
{
    private readonly object _gate = new();
    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private bool _disposed;

    /// <summary>Writes to a stream; <paramref name="ownsStream"/> closes it with the log.</summary>
    public PushLog(Stream stream, bool ownsStream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _ownsStream = ownsStream;
        BatchId = Guid.NewGuid().ToString("N")[..12];
    }

    /// <summary>Identifies this batch's lines when logs of several batches share a file.</summary>
    public string BatchId { get; }

    /// <summary>Appends to a file, creating it when needed.</summary>
    public static PushLog Append(string path) =>
        new(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read), ownsStream: true);

    /// <summary>Writes one line. Thread-safe; a line written after Dispose is dropped.</summary>
    public void Write(string? device, string step, string outcome, TimeSpan? elapsed = null, string? error = null, string? detail = null)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("time", DateTimeOffset.UtcNow);
            json.WriteString("batch", BatchId);
            if (device is null)
            {
                json.WriteNull("device");
            }
            else
            {
                json.WriteString("device", device);
            }

            json.WriteString("step", step);
            json.WriteString("outcome", outcome);
            if (elapsed is { } took)
            {
                json.WriteNumber("ms", Math.Round(took.TotalMilliseconds, 1));
            }

            if (detail is not null)
            {
                json.WriteString("detail", detail);
            }

            if (error is not null)
            {
                json.WriteString("error", error);
            }

            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            buffer.WriteTo(_stream);
            _stream.Flush();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_ownsStream)
            {
                _stream.Dispose();
            }
        }
    }

    internal static string StepName(PushStep step) => step switch
    {
        PushStep.CancelCommit => "cancel-commit",
        _ => step.ToString().ToLowerInvariant(),
    };
}
