using Prometheus;

namespace NetOpsPS.Devices.Exporter.Internal;

/// <summary>
/// The IF-MIB metric families of one exporter's registry. Label names are snake/lower case (ifname, not ifName)
/// because promtool's lint rejects camelCase label names.
/// </summary>
internal sealed class InterfaceFamilies
{
    public static readonly string[] Labels = ["target", "ifindex", "ifname", "ifalias"];

    public InterfaceFamilies(IMetricFactory factory)
    {
        Counters =
        [
            factory.CreateCounter("netops_if_in_octets_total", "Octets received on the interface (IF-MIB ifHCInOctets).", Labels),
            factory.CreateCounter("netops_if_out_octets_total", "Octets sent on the interface (IF-MIB ifHCOutOctets).", Labels),
            factory.CreateCounter("netops_if_in_packets_total", "Unicast, multicast and broadcast packets received (IF-MIB ifHCIn*Pkts).", Labels),
            factory.CreateCounter("netops_if_out_packets_total", "Unicast, multicast and broadcast packets sent (IF-MIB ifHCOut*Pkts).", Labels),
            factory.CreateCounter("netops_if_in_errors_total", "Inbound packets with errors (IF-MIB ifInErrors).", Labels),
            factory.CreateCounter("netops_if_out_errors_total", "Outbound packets not sent because of errors (IF-MIB ifOutErrors).", Labels),
            factory.CreateCounter("netops_if_in_discards_total", "Inbound packets discarded without an error (IF-MIB ifInDiscards).", Labels),
            factory.CreateCounter("netops_if_out_discards_total", "Outbound packets discarded without an error (IF-MIB ifOutDiscards).", Labels),
        ];
        OperStatus = factory.CreateGauge("netops_if_oper_status", "IF-MIB ifOperStatus: 1 up, 2 down, 3 testing, 4 unknown, 5 dormant, 6 notPresent, 7 lowerLayerDown.", Labels);
        AdminStatus = factory.CreateGauge("netops_if_admin_status", "IF-MIB ifAdminStatus: 1 up, 2 down, 3 testing.", Labels);
        // Bytes, not bits: promtool's lint insists on base units (node_exporter's node_network_speed_bytes does the same).
        Speed = factory.CreateGauge("netops_if_speed_bytes_per_second", "Interface speed in bytes per second (IF-MIB ifHighSpeed times 10^6 / 8, else ifSpeed / 8).", Labels);
    }

    /// <summary>In the order of <see cref="InterfaceSeries.RawCounters"/>.</summary>
    public Counter[] Counters { get; }

    public Gauge OperStatus { get; }

    public Gauge AdminStatus { get; }

    public Gauge Speed { get; }
}
