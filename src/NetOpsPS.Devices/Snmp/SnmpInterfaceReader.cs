using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace NetOpsPS.Devices.Snmp;

/// <summary>Reads IF-MIB's ifTable and ifXTable (RFC 2863 §6) and joins them on ifIndex.</summary>
public static class SnmpInterfaceReader
{
    private static readonly SnmpOid SysUpTime = SnmpOid.Parse("1.3.6.1.2.1.1.3.0");
    private static readonly SnmpOid IfEntry = SnmpOid.Parse("1.3.6.1.2.1.2.2.1");
    private static readonly SnmpOid IfXEntry = SnmpOid.Parse("1.3.6.1.2.1.31.1.1.1");

    /// <summary>sysUpTime.0, then a walk of ifTable and of ifXTable (absent on v1-only agents: the 32-bit counters remain).</summary>
    public static async Task<SnmpInterfaceTable> ReadAsync(SnmpClient client, SnmpWalkOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        options ??= new SnmpWalkOptions { MaxRepetitions = 25, GetRootWhenEmpty = false };
        IReadOnlyList<SnmpVarBind> upTime = await client.GetAsync([SysUpTime], cancellationToken).ConfigureAwait(false);
        TimeSpan sysUpTime = upTime.Count == 1 && upTime[0].Value.Raw is TimeSpan t ? t : TimeSpan.Zero;

        var columns = new Dictionary<int, Dictionary<(uint Table, uint Column), SnmpValue>>();
        await CollectAsync(client, IfEntry, 2, columns, options, cancellationToken).ConfigureAwait(false);
        await CollectAsync(client, IfXEntry, 31, columns, options, cancellationToken).ConfigureAwait(false);
        SnmpInterfaceRow[] rows = columns.OrderBy(p => p.Key).Select(p => Row(p.Key, p.Value)).ToArray();
        return new SnmpInterfaceTable(client.Target.ToString(), sysUpTime, rows);
    }

    private static async Task CollectAsync(
        SnmpClient client, SnmpOid entry, uint table, Dictionary<int, Dictionary<(uint, uint), SnmpValue>> columns, SnmpWalkOptions options, CancellationToken cancellationToken)
    {
        await foreach (SnmpVarBind varBind in client.WalkAsync(entry, options, cancellationToken).ConfigureAwait(false))
        {
            // entry.column.ifIndex: one sub-identifier of index after the column (RFC 2863 INDEX { ifIndex }).
            ReadOnlySpan<uint> arcs = varBind.Oid.Arcs;
            if (arcs.Length != entry.Length + 2 || arcs[^1] > int.MaxValue || varBind.Value.IsException)
            {
                continue;
            }

            int index = (int)arcs[^1];
            if (!columns.TryGetValue(index, out Dictionary<(uint, uint), SnmpValue>? row))
            {
                row = new Dictionary<(uint, uint), SnmpValue>();
                columns[index] = row;
            }

            row[(table, arcs[entry.Length])] = varBind.Value;
        }
    }

    private static SnmpInterfaceRow Row(int index, Dictionary<(uint Table, uint Column), SnmpValue> cells)
    {
        string Text(uint table, uint column) => cells.TryGetValue((table, column), out SnmpValue? v) && v.Raw is byte[] b ? Encoding.UTF8.GetString(b).TrimEnd('\0') : string.Empty;
        ulong? Number(uint table, uint column) => cells.TryGetValue((table, column), out SnmpValue? v) ? v.ToUInt64() : null;
        ulong Counter(uint hcColumn, uint table, uint column) => Number(31, hcColumn) ?? Number(table, column) ?? 0;

        bool hc = Number(31, 6) is not null;
        ulong highSpeed = Number(31, 15) ?? 0;
        byte[] mac = cells.TryGetValue((2, 6), out SnmpValue? phys) && phys.Raw is byte[] m ? m : [];
        string description = Text(2, 2);
        string name = Text(31, 1);
        return new SnmpInterfaceRow
        {
            Index = index,
            Name = name.Length > 0 ? name : description,
            Description = description,
            Alias = Text(31, 18),
            Type = (int)(Number(2, 3) ?? 0),
            Mtu = (int)(Number(2, 4) ?? 0),
            Speed = highSpeed > 0 ? highSpeed * 1_000_000 : Number(2, 5) ?? 0,
            PhysicalAddress = string.Join(':', mac.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture))),
            AdminStatus = Status(Number(2, 7)),
            OperStatus = Status(Number(2, 8)),
            LastChange = cells.TryGetValue((2, 9), out SnmpValue? change) && change.Raw is TimeSpan lc ? lc : TimeSpan.Zero,
            HighCapacityCounters = hc,
            InOctets = Counter(6, 2, 10),
            OutOctets = Counter(10, 2, 16),
            InUnicastPackets = Counter(7, 2, 11),
            OutUnicastPackets = Counter(11, 2, 17),
            InMulticastPackets = Number(31, 8) ?? Number(31, 2) ?? 0,
            OutMulticastPackets = Number(31, 12) ?? Number(31, 4) ?? 0,
            InBroadcastPackets = Number(31, 9) ?? Number(31, 3) ?? 0,
            OutBroadcastPackets = Number(31, 13) ?? Number(31, 5) ?? 0,
            InDiscards = Number(2, 13) ?? 0,
            OutDiscards = Number(2, 19) ?? 0,
            InErrors = Number(2, 14) ?? 0,
            OutErrors = Number(2, 20) ?? 0,
            InUnknownProtocols = Number(2, 15) ?? 0,
        };
    }

    private static SnmpInterfaceStatus Status(ulong? value) =>
        value is >= 1 and <= 7 ? (SnmpInterfaceStatus)(int)value.Value : SnmpInterfaceStatus.Unknown;
}
