using System;
using System.Collections.Generic;
using NetOpsPS.Devices.Snmp;
using Prometheus;

namespace NetOpsPS.Devices.Exporter.Internal;

/// <summary>
/// The interface series of one target, and what is needed to keep them honest between polls: the last sysUpTime
/// (an agent restart resets every series of the target) and one <see cref="CounterTrack"/> per counter.
/// Only the target's poll touches it, one poll at a time.
/// </summary>
internal sealed class InterfaceSeries
{
    private readonly InterfaceFamilies _families;
    private readonly string _target;
    private readonly Dictionary<int, Row> _rows = new();
    private TimeSpan? _lastUptime;

    public InterfaceSeries(InterfaceFamilies families, string target)
    {
        _families = families;
        _target = target;
    }

    /// <summary>Packets are unicast, multicast and broadcast together; errors and discards are Counter32 (RFC 2863 §6).</summary>
    public static ulong[] RawCounters(SnmpInterfaceRow r) =>
    [
        r.InOctets,
        r.OutOctets,
        r.InUnicastPackets + r.InMulticastPackets + r.InBroadcastPackets,
        r.OutUnicastPackets + r.OutMulticastPackets + r.OutBroadcastPackets,
        r.InErrors,
        r.OutErrors,
        r.InDiscards,
        r.OutDiscards,
    ];

    /// <summary>
    /// Publishes a successful poll; returns whether it found the agent restarted, and how many counters went down
    /// without a restart (each such series starts again).
    /// </summary>
    public (bool Restarted, int Discontinuities) Apply(SnmpInterfaceTable table)
    {
        // RFC 3418 sysUpTime: time since the agent (re)initialised. Going backwards means a restart, after which
        // the agent's counters start again (RFC 2863 §3.1.5 ifCounterDiscontinuityTime): every series resets.
        // sysUpTime also wraps after 497 days (TimeTicks, RFC 2578 §7.1.8); that is counted as a restart too,
        // which costs one series reset and never a wrong rate.
        bool restarted = _lastUptime is { } last && table.SysUpTime < last;
        _lastUptime = table.SysUpTime;
        if (restarted)
        {
            Clear();
        }

        int discontinuities = 0;
        var seen = new HashSet<int>();
        foreach (SnmpInterfaceRow item in table.Rows)
        {
            if (!seen.Add(item.Index))
            {
                continue;
            }

            string[] labels = [_target, item.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), item.Name, item.Alias];
            if (_rows.TryGetValue(item.Index, out Row? row) && !row.HasLabels(labels))
            {
                // ifName or ifAlias changed: the old series end here.
                RemoveSeries(row.Labels);
                _rows.Remove(item.Index);
                row = null;
            }

            row ??= _rows[item.Index] = new Row(labels);
            discontinuities += Publish(row, item);
        }

        foreach (int gone in new List<int>(_rows.Keys))
        {
            if (!seen.Contains(gone))
            {
                RemoveSeries(_rows[gone].Labels);
                _rows.Remove(gone);
            }
        }

        return (restarted, discontinuities);
    }

    /// <summary>Drops every series of the target (a failed poll or an agent restart); the sysUpTime memory stays.</summary>
    public void Clear()
    {
        foreach (Row row in _rows.Values)
        {
            RemoveSeries(row.Labels);
        }

        _rows.Clear();
    }

    // Returns how many of the row's counters went down without a restart.
    private int Publish(Row row, SnmpInterfaceRow item)
    {
        int discontinuities = 0;
        ulong[] raw = RawCounters(item);
        for (int i = 0; i < raw.Length; i++)
        {
            // The first four (octets, packets) follow the agent's HC columns; errors and discards are Counter32 (RFC 2863 §6).
            double value = row.Tracks[i].Next(raw[i], i < 4 && item.HighCapacityCounters ? 64 : 32, out bool reset);
            Counter.Child child = _families.Counters[i].WithLabels(row.Labels);
            if (reset)
            {
                discontinuities++;
                child.Remove();
                child = _families.Counters[i].WithLabels(row.Labels);
            }

            child.IncTo(value);
        }

        _families.OperStatus.WithLabels(row.Labels).Set((int)item.OperStatus);
        _families.AdminStatus.WithLabels(row.Labels).Set((int)item.AdminStatus);
        _families.Speed.WithLabels(row.Labels).Set(item.Speed / 8.0);
        return discontinuities;
    }

    private void RemoveSeries(string[] labels)
    {
        foreach (Counter counter in _families.Counters)
        {
            counter.RemoveLabelled(labels);
        }

        _families.OperStatus.RemoveLabelled(labels);
        _families.AdminStatus.RemoveLabelled(labels);
        _families.Speed.RemoveLabelled(labels);
    }

    private sealed class Row(string[] labels)
    {
        public string[] Labels { get; } = labels;

        public CounterTrack[] Tracks { get; } = new CounterTrack[8];

        public bool HasLabels(string[] labels) => labels.AsSpan().SequenceEqual(Labels);
    }
}
