using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Numerics;

namespace NetOpsPS.Devices.Discovery;

/// <summary>
/// The hosts a sweep visits: one address or name ("10.0.0.1", "router1"), a range ("10.0.0.1-10.0.0.20" or
/// "10.0.0.1-20"), or a CIDR block ("10.0.0.0/24"). A block of four or more IPv4 addresses leaves out its
/// network and broadcast addresses, which no device answers on. The count is bounded, so a typo such as
/// "10.0.0.0/8" is an error rather than sixteen million probes.
/// </summary>
public static class HostRange
{
    /// <summary>Most addresses one item may expand to (a /16).</summary>
    public const int MaxAddresses = 65_536;

    /// <summary>The hosts of <paramref name="text"/>, in order; names are returned as they are.</summary>
    /// <exception cref="FormatException">Not an address, range, block or host name, or more than <see cref="MaxAddresses"/>.</exception>
    public static IReadOnlyList<string> Expand(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string item = text.Trim();
        int slash = item.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            return Block(item, slash);
        }

        int dash = item.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && IPAddress.TryParse(item[..dash], out IPAddress? first))
        {
            return Range(item, first, item[(dash + 1)..]);
        }

        string bare = item.TrimStart('[').TrimEnd(']');
        if (IPAddress.TryParse(bare, out IPAddress? single))
        {
            return [single.ToString()];
        }

        if (Uri.CheckHostName(item) == UriHostNameType.Dns)
        {
            return [item];
        }

        throw new FormatException($"'{text}' is not an address, a range (a.b.c.d-e or a.b.c.d-a.b.c.e), a CIDR block (a.b.c.d/n) or a host name.");
    }

    private static IReadOnlyList<string> Block(string item, int slash)
    {
        if (!IPAddress.TryParse(item[..slash], out IPAddress? address)
            || !int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int prefix))
        {
            throw new FormatException($"'{item}' is not a CIDR block (a.b.c.d/n or an IPv6 prefix).");
        }

        int bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (prefix > bits)
        {
            throw new FormatException($"'{item}': the prefix length is at most {bits}.");
        }

        BigInteger size = BigInteger.One << (bits - prefix);
        if (size > MaxAddresses)
        {
            throw new FormatException($"'{item}' holds {size} addresses; one item may hold at most {MaxAddresses} (a /{bits - 16}).");
        }

        BigInteger network = ToNumber(address) & ~(size - 1);
        BigInteger first = network, last = network + size - 1;
        if (bits == 32 && size >= 4)
        {
            first++;
            last--;
        }

        return Addresses(first, last, address.AddressFamily);
    }

    private static IReadOnlyList<string> Range(string item, IPAddress first, string end)
    {
        IPAddress? last = null;
        if (first.AddressFamily == AddressFamily.InterNetwork
            && byte.TryParse(end, NumberStyles.None, CultureInfo.InvariantCulture, out byte lastOctet))
        {
            byte[] bytes = first.GetAddressBytes();
            bytes[3] = lastOctet;
            last = new IPAddress(bytes);
        }
        else if (!IPAddress.TryParse(end, out last) || last.AddressFamily != first.AddressFamily)
        {
            throw new FormatException($"'{item}' is not a range: the end must be an address of the same family or a last octet.");
        }

        BigInteger from = ToNumber(first), to = ToNumber(last!);
        if (to < from)
        {
            throw new FormatException($"'{item}': the range ends before it starts.");
        }

        if (to - from + 1 > MaxAddresses)
        {
            throw new FormatException($"'{item}' holds {to - from + 1} addresses; one item may hold at most {MaxAddresses}.");
        }

        return Addresses(from, to, first.AddressFamily);
    }

    private static List<string> Addresses(BigInteger first, BigInteger last, AddressFamily family)
    {
        var list = new List<string>((int)(last - first + 1));
        for (BigInteger n = first; n <= last; n++)
        {
            list.Add(FromNumber(n, family).ToString());
        }

        return list;
    }

    private static BigInteger ToNumber(IPAddress address) => new(address.GetAddressBytes(), isUnsigned: true, isBigEndian: true);

    private static IPAddress FromNumber(BigInteger number, AddressFamily family)
    {
        byte[] bytes = new byte[family == AddressFamily.InterNetwork ? 4 : 16];
        byte[] raw = number.ToByteArray(isUnsigned: true, isBigEndian: true);
        raw.CopyTo(bytes, bytes.Length - raw.Length);
        return new IPAddress(bytes);
    }
}
