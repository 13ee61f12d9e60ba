using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using NetOpsPS.Devices.Inventory;
using NetOpsPS.Devices.Push;
using NetOpsPS.Devices.Templates;
using NetOpsPS.TestSupport.Peers;

namespace NetOpsPS.Devices.Tests.Push;

/// <summary>Eleven real netconfd peers shared by the batch tests of one class; each test writes its own values.</summary>
public sealed class PushFleetFixture : IDisposable
{
    public const int Size = 11;

    // ietf-system contact and location for every device; a device whose data has 'enabled' also
    // touches interface test1, and 'maybe' is no boolean: that device's edit-config fails (invalid-value).
    public static readonly ConfigTemplate Template = ConfigTemplate.Parse("""
        <system xmlns="urn:ietf:params:xml:ns:yang:ietf-system">
          <contact>{{ contact }}</contact>
          <location>{{ location }}</location>
        </system>
        {% if enabled %}<interfaces xmlns="urn:ietf:params:xml:ns:yang:ietf-interfaces">
          <interface><name>test1</name><enabled>{{ enabled }}</enabled></interface>
        </interfaces>{% endif %}
        """, "system.liquid");

    public NetconfFleet Fleet { get; } = NetconfFleet.Start(Size);

    public NetconfPushConnector Connector => new(new NetconfPushConnectorOptions { KnownHostsPath = Fleet.KnownHostsPath, Timeout = TimeSpan.FromSeconds(30) });

    /// <summary>One request per peer, named dev00..dev10, with contact "{tag}-devNN"; <paramref name="bad"/> devices get an invalid value.</summary>
    public IReadOnlyList<PushRequest> Requests(string tag, params int[] bad) =>
        Fleet.Peers.Select((peer, i) =>
        {
            var data = new Dictionary<string, object?> { ["contact"] = $"{tag}-dev{i:00}", ["location"] = $"rack {i}" };
            if (bad.Contains(i))
            {
                data["enabled"] = "maybe";
            }

            var device = new NetDevice($"dev{i:00}", "127.0.0.1", peer.Port, "netconfd", null, [], [], data);
            return new PushRequest(device.Name, device.Hostname, peer.Port, Template.Render(device), new NetworkCredential(Peer.LoginUser, Peer.TestUserPassword));
        }).ToArray();

    /// <summary>ncclient's view of every peer, read in parallel, in peer order.</summary>
    public NetconfState[] States()
    {
        var states = new NetconfState[Size];
        System.Threading.Tasks.Parallel.For(0, Size, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = 4 }, i => states[i] = Fleet.State(Fleet.Peers[i]));
        return states;
    }

    public void Dispose() => Fleet.Dispose();
}
