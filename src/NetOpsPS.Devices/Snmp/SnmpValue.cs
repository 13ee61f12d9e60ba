using System;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Unicode;

namespace NetOpsPS.Devices.Snmp;

/// <summary>
/// A typed varbind value. <see cref="Value"/> is the natural .NET type: int (Integer), byte[]
/// (OctetString, Opaque), <see cref="SnmpOid"/>, <see cref="IPAddress"/>, uint (Counter32, Gauge32),
/// TimeSpan (TimeTicks), ulong (Counter64), and null for Null and the exception states.
/// </summary>
public sealed class SnmpValue : IEquatable<SnmpValue>
{
    /// <summary>The NULL value of a request varbind.</summary>
    public static readonly SnmpValue Null = new(SnmpType.Null, null);

    /// <summary>RFC 3416 noSuchObject.</summary>
    public static readonly SnmpValue NoSuchObject = new(SnmpType.NoSuchObject, null);

    /// <summary>RFC 3416 noSuchInstance.</summary>
    public static readonly SnmpValue NoSuchInstance = new(SnmpType.NoSuchInstance, null);

    /// <summary>RFC 3416 endOfMibView.</summary>
    public static readonly SnmpValue EndOfMibView = new(SnmpType.EndOfMibView, null);

    private readonly object? _value;

    private SnmpValue(SnmpType type, object? value)
    {
        Type = type;
        _value = value;
    }

    /// <summary>The SMI type or exception state.</summary>
    public SnmpType Type { get; }

    /// <summary>The value as its .NET type (see the class summary); byte arrays are copies.</summary>
    public object? Value => _value is byte[] bytes ? bytes.Clone() : _value;

    /// <summary>True for noSuchObject, noSuchInstance and endOfMibView: states, not values.</summary>
    public bool IsException => Type is SnmpType.NoSuchObject or SnmpType.NoSuchInstance or SnmpType.EndOfMibView;

    /// <summary>Integer32.</summary>
    public static SnmpValue Integer(int value) => new(SnmpType.Integer, value);

    /// <summary>An OCTET STRING from bytes.</summary>
    public static SnmpValue OctetString(ReadOnlySpan<byte> value) => new(SnmpType.OctetString, value.ToArray());

    /// <summary>An OCTET STRING from text, UTF-8 encoded.</summary>
    public static SnmpValue OctetString(string value) => new(SnmpType.OctetString, Encoding.UTF8.GetBytes(value ?? throw new ArgumentNullException(nameof(value))));

    /// <summary>An OBJECT IDENTIFIER.</summary>
    public static SnmpValue ObjectIdentifier(SnmpOid value) => new(SnmpType.ObjectIdentifier, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>An IpAddress (IPv4 only, RFC 2578 §7.1.5).</summary>
    public static SnmpValue IpAddress(IPAddress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            throw new ArgumentException("IpAddress holds IPv4 only (RFC 2578 §7.1.5); use an OctetString for IPv6.", nameof(value));
        }

        return new(SnmpType.IpAddress, value);
    }

    /// <summary>Counter32.</summary>
    public static SnmpValue Counter32(uint value) => new(SnmpType.Counter32, value);

    /// <summary>Gauge32 / Unsigned32.</summary>
    public static SnmpValue Gauge32(uint value) => new(SnmpType.Gauge32, value);

    /// <summary>TimeTicks from hundredths of a second.</summary>
    public static SnmpValue TimeTicks(uint hundredths) => new(SnmpType.TimeTicks, TimeSpan.FromMilliseconds(hundredths * 10.0));

    /// <summary>Opaque (RFC 2578 §7.1.9): the wrapped BER bytes.</summary>
    public static SnmpValue Opaque(ReadOnlySpan<byte> value) => new(SnmpType.Opaque, value.ToArray());

    /// <summary>Counter64.</summary>
    public static SnmpValue Counter64(ulong value) => new(SnmpType.Counter64, value);

    /// <summary>
    /// A value of <paramref name="type"/> from text, as a user writes it for a Set: numbers, dotted OIDs and
    /// addresses, TimeTicks in hundredths, OctetString as text (or hex with a 0x prefix).
    /// </summary>
    public static SnmpValue Parse(SnmpType type, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        CultureInfo c = CultureInfo.InvariantCulture;
        return type switch
        {
            SnmpType.Integer => Integer(int.Parse(text, NumberStyles.AllowLeadingSign, c)),
            SnmpType.OctetString when text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) => OctetString(Convert.FromHexString(text.AsSpan(2))),
            SnmpType.OctetString => OctetString(text),
            SnmpType.ObjectIdentifier => ObjectIdentifier(SnmpOid.Parse(text)),
            SnmpType.IpAddress => IpAddress(IPAddress.Parse(text)),
            SnmpType.Counter32 => Counter32(uint.Parse(text, NumberStyles.None, c)),
            SnmpType.Gauge32 => Gauge32(uint.Parse(text, NumberStyles.None, c)),
            SnmpType.TimeTicks => TimeTicks(uint.Parse(text, NumberStyles.None, c)),
            SnmpType.Counter64 => Counter64(ulong.Parse(text, NumberStyles.None, c)),
            SnmpType.Opaque => Opaque(Convert.FromHexString(text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text.AsSpan(2) : text)),
            SnmpType.Null => Null,
            _ => throw new ArgumentException($"{type} is a state an agent reports, not a value one can set.", nameof(type)),
        };
    }

    /// <summary>The bytes of an OctetString or Opaque (a copy); empty for other types.</summary>
    public byte[] GetBytes() => _value is byte[] bytes ? (byte[])bytes.Clone() : Array.Empty<byte>();

    /// <summary>The value as an unsigned 64-bit number (Integer >= 0, Counter32, Gauge32, TimeTicks in hundredths, Counter64).</summary>
    public ulong? ToUInt64() => _value switch
    {
        int i when i >= 0 => (ulong)i,
        uint u => u,
        ulong l => l,
        TimeSpan t => (ulong)Math.Round(t.TotalMilliseconds / 10.0),
        _ => null,
    };

    /// <summary>
    /// Text for display: an OctetString as text when every byte is printable UTF-8, else hex
    /// ("00 1A 2B"); TimeTicks as d.hh:mm:ss.ff; exception states by name.
    /// </summary>
    public override string ToString() => _value switch
    {
        byte[] bytes when Type == SnmpType.OctetString && IsPrintable(bytes) => Encoding.UTF8.GetString(bytes),
        byte[] bytes => Hex(bytes),
        TimeSpan t => t.ToString(@"d\.hh\:mm\:ss\.ff", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        null => Type switch
        {
            SnmpType.NoSuchObject => "noSuchObject",
            SnmpType.NoSuchInstance => "noSuchInstance",
            SnmpType.EndOfMibView => "endOfMibView",
            _ => "NULL",
        },
        _ => _value.ToString() ?? string.Empty,
    };

    /// <inheritdoc />
    public bool Equals(SnmpValue? other)
    {
        if (other is null || other.Type != Type)
        {
            return false;
        }

        return _value is byte[] mine && other._value is byte[] theirs ? mine.AsSpan().SequenceEqual(theirs) : Equals(_value, other._value);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SnmpValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Type, _value is byte[] b ? b.Length : _value?.GetHashCode() ?? 0);

    internal object? Raw => _value;

    /// <summary>net-snmp's rule, roughly: printable when valid UTF-8 without control characters other than tab, CR and LF.</summary>
    internal static bool IsPrintable(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
        {
            return true;
        }

        if (!Utf8.IsValid(bytes))
        {
            return false;
        }

        foreach (byte b in bytes)
        {
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\r' and not (byte)'\n' || b == 0x7F)
            {
                return false;
            }
        }

        return true;
    }

    private static string Hex(byte[] bytes)
    {
        var builder = new StringBuilder(bytes.Length * 3);
        foreach (byte b in bytes)
        {
            builder.Append(builder.Length == 0 ? string.Empty : " ").Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
