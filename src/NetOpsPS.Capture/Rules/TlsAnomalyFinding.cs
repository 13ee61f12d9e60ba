using System;
using NetOpsPS.Capture.Tls;

namespace NetOpsPS.Capture.Rules;

/// <summary>One rule hit on one handshake: which rule, why (the evidence), and where (the flow).</summary>
public sealed class TlsAnomalyFinding
{
    internal TlsAnomalyFinding(TlsAnomalyRule rule, TlsHandshake handshake, string evidence)
    {
        Rule = rule;
        Handshake = handshake;
        Evidence = evidence;
    }

    /// <summary>When the handshake began.</summary>
    public DateTimeOffset Timestamp => Handshake.Timestamp;

    /// <summary>The rule's name.</summary>
    public string RuleName => Rule.Name;

    /// <summary>What the rule looks for.</summary>
    public TlsAnomalyKind Kind => Rule.Kind;

    /// <summary>The rule's severity.</summary>
    public TlsAnomalySeverity Severity => Rule.Severity;

    /// <summary>What in the handshake made the rule hit, in words with the values.</summary>
    public string Evidence { get; }

    /// <summary>The connection, client to server.</summary>
    public TlsFlow Flow => Handshake.Flow;

    /// <summary>The SNI of the handshake, if any.</summary>
    public string? ServerName => Handshake.ServerName;

    /// <summary>The rule that hit.</summary>
    public TlsAnomalyRule Rule { get; }

    /// <summary>The handshake it hit on.</summary>
    public TlsHandshake Handshake { get; }

    /// <inheritdoc />
    public override string ToString() => $"{RuleName} ({Severity}) on {Flow}: {Evidence}";
}
