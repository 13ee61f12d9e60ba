using System;
using System.Collections.Generic;
using System.Linq;

namespace NetOpsPS.Capture.Tls;

/// <summary>What ClientHello and ServerHello share: versions, extensions in order, and how well they decoded.</summary>
public abstract class TlsHelloBase
{
    // A corrupt message could otherwise report one problem per extension; a few say enough.
    private const int MaxProblems = 8;
    private readonly List<string> _problems = [];

    private protected TlsHelloBase()
    {
    }

    /// <summary>The version in the first record header (often 0x0301 for compatibility, RFC 8446 §5.1).</summary>
    public ushort RecordVersion { get; internal set; }

    /// <summary>legacy_version in the hello body (0x0303 for TLS 1.2 and 1.3, RFC 8446 §4.1.2).</summary>
    public ushort LegacyVersion { get; internal set; }

    /// <summary>The handshake message length the peer declared.</summary>
    public int DeclaredLength { get; internal set; }

    /// <summary>The legacy_session_id length (0..32).</summary>
    public int SessionIdLength { get; internal set; }

    /// <summary>Every extension, GREASE included, in the order sent.</summary>
    public IReadOnlyList<TlsExtension> Extensions { get; internal set; } = [];

    /// <summary>Complete, or how the message fell short.</summary>
    public TlsDecodeStatus Status { get; private set; }

    /// <summary>What was wrong, in words; empty when <see cref="Status"/> is Complete.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>True when the extension of this type was sent.</summary>
    public bool HasExtension(ushort type) => Extensions.Any(e => e.Type == type);

    /// <summary>Extension types without GREASE, in order.</summary>
    internal IEnumerable<ushort> ExtensionTypesWithoutGrease => Extensions.Select(e => e.Type).Where(t => !TlsGrease.IsGrease(t));

    /// <summary>Records a problem; Malformed outranks Truncated.</summary>
    internal void Flag(TlsDecodeStatus status, string problem)
    {
        if (status > Status)
        {
            Status = status;
        }

        if (_problems.Count < MaxProblems && !_problems.Contains(problem, StringComparer.Ordinal))
        {
            _problems.Add(problem);
        }
    }
}
