using System;
using NetOpsPS.Devices.Snmp;
using NetOpsPS.TestSupport.Peers;

namespace NetOpsPS.Devices.Tests.Snmp;

/// <summary>One real net-snmp agent (tests/peers/snmp/snmpd.conf.in) shared by a test class.</summary>
public sealed class SnmpdFixture : IDisposable
{
    /// <summary>exactEngineID in snmpd.conf.in: enterprise 8072, format 4, text "test-engine".</summary>
    public const string EngineIdHex = "80001F8804746573742D656E67696E65";

    public SnmpdFixture() => Peer = Peer.StartSnmpd();

    public Peer Peer { get; }

    public int Port => Peer.Port;

    public SnmpClient Client(SnmpCredential credential, string host = "127.0.0.1", TimeSpan? timeout = null, int retries = 1) =>
        new(new SnmpTarget(host, credential, Port) { Timeout = timeout ?? TimeSpan.FromSeconds(5), Retries = retries });

    public SnmpClient Community(string community, SnmpVersion version = SnmpVersion.V2c, string host = "127.0.0.1") =>
        Client(SnmpCredential.Community(community, version), host);

    public void Dispose() => Peer.Dispose();
}
