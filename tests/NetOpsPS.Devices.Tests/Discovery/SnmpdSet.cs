using System;
using System.Collections.Generic;
using NetOpsPS.TestSupport.Peers;

namespace NetOpsPS.Devices.Tests.Discovery;

/// <summary>Three real snmpd agents on 127.0.0.2, .3 and .4, sharing one UDP port, as a sweep meets them.</summary>
public sealed class SnmpdSet : IDisposable
{
    private readonly List<Peer> _peers = new();

    public SnmpdSet()
    {
        try
        {
            _peers.Add(Peer.StartSnmpdAt("127.0.0.2"));
            _peers.Add(Peer.StartSnmpdAt("127.0.0.3", _peers[0].Port));
            _peers.Add(Peer.StartSnmpdAt("127.0.0.4", _peers[0].Port));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public int Port => _peers[0].Port;

    public void Dispose()
    {
        foreach (Peer peer in _peers)
        {
            peer.Dispose();
        }
    }
}
