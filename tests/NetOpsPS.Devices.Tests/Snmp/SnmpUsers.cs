using System.Collections.Generic;
using NetOpsPS.Devices.Snmp;
using Xunit;

namespace NetOpsPS.Devices.Tests.Snmp;

/// <summary>The USM users of tests/peers/snmp/snmpd.conf.in, as net-snmp's createUser lines define them.</summary>
public static class SnmpUsers
{
    public static SnmpCredential Sha256Aes => Create("usr-sha256-aes");

    public static TheoryData<string, SnmpAuthProtocol, string, SnmpPrivProtocol, string> All => new()
    {
        { "usr-sha256-aes", SnmpAuthProtocol.Sha256, "authpass-sha256", SnmpPrivProtocol.Aes128, "privpass-aes128" },
        { "usr-sha-aes", SnmpAuthProtocol.Sha1, "authpass-sha1", SnmpPrivProtocol.Aes128, "privpass-aes128" },
        { "usr-md5-nopriv", SnmpAuthProtocol.Md5, "authpass-md5", SnmpPrivProtocol.None, "" },
        { "usr-sha512-aes256", SnmpAuthProtocol.Sha512, "authpass-sha512", SnmpPrivProtocol.Aes256, "privpass-aes256" },
        { "usr-sha384-aes192", SnmpAuthProtocol.Sha384, "authpass-sha384", SnmpPrivProtocol.Aes192, "privpass-aes192" },
        { "usr-sha224-aes", SnmpAuthProtocol.Sha224, "authpass-sha224", SnmpPrivProtocol.Aes128, "privpass-aes128" },
        { "usr-sha-des", SnmpAuthProtocol.Sha1, "authpass-sha1", SnmpPrivProtocol.Des, "privpass-des56" },
        { "usr-sha-aes256b", SnmpAuthProtocol.Sha1, "authpass-sha1", SnmpPrivProtocol.Aes256, "privpass-aes256" },
        { "usr-sha-aes256c", SnmpAuthProtocol.Sha1, "authpass-sha1", SnmpPrivProtocol.Aes256Cisco, "privpass-aes256" },
        { "usr-noauth", SnmpAuthProtocol.None, "", SnmpPrivProtocol.None, "" },
    };

    private static readonly Dictionary<string, SnmpCredential> Cache = [];

    public static SnmpCredential Create(string user)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(user, out SnmpCredential? credential))
            {
                foreach (object[] row in All)
                {
                    if ((string)row[0] == user)
                    {
                        credential = SnmpCredential.User(user, (SnmpAuthProtocol)row[1], (string)row[2], (SnmpPrivProtocol)row[3], (string)row[4]);
                    }
                }

                Cache[user] = credential!;
            }

            return credential!;
        }
    }
}
