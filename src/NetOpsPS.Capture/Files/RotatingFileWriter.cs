using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace NetOpsPS.Capture.Files;

/// <summary>
/// A capture written across files <c>stem_00001_20261124140000.ext</c>, <c>stem_00002_...</c>, as dumpcap
/// names them: a new file when the size or time limit is reached, the oldest deleted beyond the file count.
/// Each file is a complete capture file. Without limits, it writes the one path it was given.
/// </summary>
public sealed class RotatingFileWriter : IPacketFileWriter
{
    private readonly string _path;
    private readonly PcapFileFormat _format;
    private readonly int _snapLength;
    private readonly RingBufferOptions _ring;
    private readonly List<string> _files = new();
    private IPacketFileWriter? _current;
    private long _currentBytes;
    private long _fileStartNanoseconds;
    private int _sequence;

    /// <summary>Opens the first file at once, so a bad path fails before capture starts.</summary>
    public RotatingFileWriter(string path, PcapFileFormat format, int snapLength, RingBufferOptions? ring = null)
    {
        _path = Path.GetFullPath(path);
        _format = format;
        _snapLength = snapLength;
        _ring = ring ?? new RingBufferOptions();
        Open(DateTime.UtcNow);
    }

    /// <inheritdoc />
    public long PacketsWritten { get; private set; }

    /// <summary>The files of the capture that still exist, oldest first.</summary>
    public IReadOnlyList<string> Files => _files;

    /// <inheritdoc />
    public void Write(long timestampNanoseconds, int originalLength, LinkType linkType, string? interfaceName, ReadOnlySpan<byte> data)
    {
        if (_ring.Rotates && _current!.PacketsWritten > 0 && IsFull(timestampNanoseconds))
        {
            _current.Dispose();
            Open(DateTime.UnixEpoch.AddTicks(timestampNanoseconds / 100));
        }

        if (_current!.PacketsWritten == 0)
        {
            _fileStartNanoseconds = timestampNanoseconds;
        }

        _current.Write(timestampNanoseconds, originalLength, linkType, interfaceName, data);
        _currentBytes += data.Length + 32;
        PacketsWritten++;
    }

    /// <inheritdoc />
    public void Flush() => _current?.Flush();

    /// <inheritdoc />
    public void Dispose()
    {
        _current?.Dispose();
        _current = null;
    }

    private bool IsFull(long timestampNanoseconds) =>
        (_ring.MaxFileBytes is long bytes && _currentBytes >= bytes)
        || (_ring.MaxFileDuration is TimeSpan duration && (timestampNanoseconds - _fileStartNanoseconds) / 100 >= duration.Ticks);

    private void Open(DateTime startUtc)
    {
        string path = _path;
        if (_ring.Rotates)
        {
            _sequence++;
            string stem = Path.Combine(Path.GetDirectoryName(_path)!, Path.GetFileNameWithoutExtension(_path));
            path = string.Create(CultureInfo.InvariantCulture, $"{stem}_{_sequence:D5}_{startUtc:yyyyMMddHHmmss}{Path.GetExtension(_path)}");
        }

        _current = PcapFileWriter.Create(path, _format, _snapLength);
        _currentBytes = 0;
        _files.Add(path);
        while (_ring.MaxFiles is int max && _files.Count > max)
        {
            File.Delete(_files[0]);
            _files.RemoveAt(0);
        }
    }
}
