using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace NetOpsPS.Devices.Snmp;

/// <summary>
/// An SNMP OBJECT IDENTIFIER (RFC 2578 §7.1.3: at most 128 sub-identifiers, each 0..2^32-1),
/// ordered lexicographically by sub-identifier as GetNext and walks require (RFC 3416 §4.2.2).
/// </summary>
public sealed class SnmpOid : IEquatable<SnmpOid>, IComparable<SnmpOid>
{
    /// <summary>RFC 2578 §3.5: an OID has at most 128 sub-identifiers.</summary>
    public const int MaxLength = 128;

    private readonly uint[] _arcs;
    private string? _text;

    /// <summary>Creates an OID from its sub-identifiers.</summary>
    public SnmpOid(ReadOnlySpan<uint> arcs)
    {
        if (arcs.Length > MaxLength)
        {
            throw new ArgumentException($"An OID has at most {MaxLength} sub-identifiers (RFC 2578 §3.5).", nameof(arcs));
        }

        _arcs = arcs.ToArray();
    }

    private SnmpOid(uint[] arcs, bool owned)
    {
        _ = owned;
        _arcs = arcs;
    }

    /// <summary>The sub-identifiers.</summary>
    public ReadOnlySpan<uint> Arcs => _arcs;

    /// <summary>How many sub-identifiers.</summary>
    public int Length => _arcs.Length;

    /// <summary>The name from the built-in table (sysDescr.0, ifHCInOctets.3), or null.</summary>
    public string? Name => MibNames.Describe(this);

    /// <summary>Parses dotted notation, with or without the leading dot (".1.3.6.1.2.1.1.5.0"), or a built-in name ("sysName.0").</summary>
    public static SnmpOid Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TryParse(text, out SnmpOid? oid))
        {
            return oid;
        }

        throw new FormatException($"'{text}' is not an OID: give dotted numbers such as 1.3.6.1.2.1.1.5.0 or a known name such as sysName.0.");
    }

    /// <summary>Tries <see cref="Parse"/>.</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SnmpOid? oid)
    {
        oid = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        ReadOnlySpan<char> span = text.AsSpan().Trim();
        if (span.Length > 0 && !char.IsAsciiDigit(span[0]) && span[0] != '.')
        {
            return MibNames.TryResolve(span, out oid);
        }

        if (span.Length > 0 && span[0] == '.')
        {
            span = span[1..];
        }

        var arcs = new List<uint>();
        foreach (string part in span.ToString().Split('.'))
        {
            if (!uint.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out uint arc))
            {
                return false;
            }

            arcs.Add(arc);
        }

        if (arcs.Count is < 1 or > MaxLength || arcs[0] > 2)
        {
            return false;
        }

        oid = new SnmpOid(arcs.ToArray(), owned: true);
        return true;
    }

    /// <summary>True when this OID is <paramref name="prefix"/> or lies under it.</summary>
    public bool StartsWith(SnmpOid prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return _arcs.AsSpan().StartsWith(prefix._arcs);
    }

    /// <summary>This OID with sub-identifiers appended (a column plus an instance index).</summary>
    public SnmpOid Append(params uint[] arcs)
    {
        ArgumentNullException.ThrowIfNull(arcs);
        var all = new uint[_arcs.Length + arcs.Length];
        _arcs.CopyTo(all, 0);
        arcs.CopyTo(all, _arcs.Length);
        return new SnmpOid(all, owned: true);
    }

    /// <inheritdoc />
    public int CompareTo(SnmpOid? other) => other is null ? 1 : _arcs.AsSpan().SequenceCompareTo(other._arcs);

    /// <inheritdoc />
    public bool Equals(SnmpOid? other) => other is not null && _arcs.AsSpan().SequenceEqual(other._arcs);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SnmpOid other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (uint arc in _arcs)
        {
            hash.Add(arc);
        }

        return hash.ToHashCode();
    }

    /// <summary>Dotted numbers with a leading dot, as net-snmp prints with -On.</summary>
    public override string ToString()
    {
        if (_text is null)
        {
            var builder = new StringBuilder(_arcs.Length * 3);
            foreach (uint arc in _arcs)
            {
                builder.Append('.').Append(arc.ToString(CultureInfo.InvariantCulture));
            }

            _text = builder.ToString();
        }

        return _text;
    }

    /// <summary>Equality by sub-identifiers.</summary>
    public static bool operator ==(SnmpOid? left, SnmpOid? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality by sub-identifiers.</summary>
    public static bool operator !=(SnmpOid? left, SnmpOid? right) => !(left == right);

    /// <summary>Lexicographic order.</summary>
    public static bool operator <(SnmpOid left, SnmpOid right) => left is null ? right is not null : left.CompareTo(right) < 0;

    /// <summary>Lexicographic order.</summary>
    public static bool operator >(SnmpOid left, SnmpOid right) => left is not null && left.CompareTo(right) > 0;

    /// <summary>Lexicographic order.</summary>
    public static bool operator <=(SnmpOid left, SnmpOid right) => !(left > right);

    /// <summary>Lexicographic order.</summary>
    public static bool operator >=(SnmpOid left, SnmpOid right) => !(left < right);

    internal static SnmpOid FromOwned(uint[] arcs) => new(arcs, owned: true);
}
