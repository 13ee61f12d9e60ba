using System;
using System.Globalization;

namespace NetOpsPS.Devices.Snmp;

/// <summary>An agent and how to talk to it.</summary>
public sealed class SnmpTarget
{
    /// <summary>The standard agent port (RFC 3417 §3.1).</summary>
    public const int DefaultPort = 161;

    /// <summary>Creates a target for <paramref name="host"/> (a name, an IPv4 or an IPv6 address, [::1] allowed).</summary>
    public SnmpTarget(string host, SnmpCredential credential, int port = DefaultPort)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        Host = host.Trim().TrimStart('[').TrimEnd(']');
        Port = port;
        Credential = credential ?? throw new ArgumentNullException(nameof(credential));
    }

    /// <summary>Host name or address, without brackets.</summary>
    public string Host { get; }

    /// <summary>UDP port.</summary>
    public int Port { get; }

    /// <summary>Community or USM user.</summary>
    public SnmpCredential Credential { get; }

    /// <summary>How long to wait for each answer before sending again (net-snmp -t). Default 1 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many times to send again after a timeout (net-snmp -r). Default 2.</summary>
    public int Retries { get; init; } = 2;

    /// <summary>SNMPv3 contextName (RFC 3411 §3.3.1); empty for the default context.</summary>
    public string ContextName { get; init; } = string.Empty;

    /// <summary>
    /// SNMPv3 authoritative engine ID when known (net-snmp -e): skips discovery. Null: discovered (RFC 3414 §4).
    /// </summary>
    public byte[]? EngineId { get; init; }

    /// <summary>"host:port", IPv6 in brackets: the name results carry.</summary>
    public override string ToString() => Host.Contains(':', StringComparison.Ordinal)
        ? $"[{Host}]:{Port.ToString(CultureInfo.InvariantCulture)}"
        : $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";
}
