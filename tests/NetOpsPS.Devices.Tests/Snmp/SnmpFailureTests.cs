using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using NetOpsPS.Devices.Snmp;
using Xunit;

namespace NetOpsPS.Devices.Tests.Snmp;

/// <summary>The failure cases of tests/peers/README (SNMP table), each as the typed error a user sees.</summary>
public sealed class SnmpFailureTests(SnmpdFixture agent) : IClassFixture<SnmpdFixture>
{
    private static readonly SnmpOid SysName = SnmpOid.Parse("sysName.0");

    [Theory]
    [InlineData(SnmpAuthProtocol.Sha256, "wrongpassword1")]
    [InlineData(SnmpAuthProtocol.Sha1, "rightpassword1")]
    public async Task A_wrong_auth_password_or_protocol_is_WrongDigest(SnmpAuthProtocol auth, string authPassword)
    {
        var credential = SnmpCredential.User("usr-wrongpw", auth, authPassword, SnmpPrivProtocol.Aes128, "rightpassword2");
        await using SnmpClient client = agent.Client(credential);

        var ex = await Assert.ThrowsAsync<SnmpException>(() => client.GetAsync([SysName]));

        Assert.Equal(SnmpError.WrongDigest, ex.Error);
        Assert.Contains("wrong auth password", ex.Message);
        Assert.DoesNotContain("password1", ex.Message);
    }

    [Theory]
    [InlineData(SnmpPrivProtocol.Aes128, "wrongpassword2")]
    [InlineData(SnmpPrivProtocol.Des, "rightpassword2")]
    public async Task A_wrong_privacy_password_or_protocol_is_a_timeout_that_says_so(SnmpPrivProtocol priv, string privPassword)
    {
        var credential = SnmpCredential.User("usr-wrongpw", SnmpAuthProtocol.Sha256, "rightpassword1", priv, privPassword);
        await using SnmpClient client = agent.Client(credential, timeout: TimeSpan.FromMilliseconds(300), retries: 0);

        var ex = await Assert.ThrowsAsync<SnmpException>(() => client.GetAsync([SysName]));

        Assert.Equal(SnmpError.Timeout, ex.Error);
        Assert.Contains("no answer; a wrong privacy password looks like this", ex.Message);
    }

    [Fact]
    public async Task An_unknown_user_is_UnknownUserName()
    {
        await using SnmpClient client = agent.Client(SnmpCredential.User("usr-nobody", SnmpAuthProtocol.Sha256, "authpass-sha256"));

        var ex = await Assert.ThrowsAsync<SnmpException>(() => client.GetAsync([SysName]));

        Assert.Equal(SnmpError.UnknownUserName, ex.Error);
        Assert.Contains("usr-nobody", ex.Message);
    }

    [Fact]
    public async Task A_level_above_the_users_is_UnsupportedSecurityLevel()
    {
        var credential = SnmpCredential.User("usr-md5-nopriv", SnmpAuthProtocol.Md5, "authpass-md5", SnmpPrivProtocol.Aes128, "privpass-aes128");
        await using SnmpClient client = agent.Client(credential);

        var ex = await Assert.ThrowsAsync<SnmpException>(() => client.GetAsync([SysName]));

        Assert.Equal(SnmpError.UnsupportedSecurityLevel, ex.Error);
    }

    [Fact]
    public async Task A_level_below_what_VACM_requires_is_authorizationError()
    {
        await using SnmpClient client = agent.Client(SnmpCredential.User("usr-sha-aes", SnmpAuthProtocol.Sha1, "authpass-sha1"));

        var ex = await Assert.ThrowsAsync<SnmpException>(() => client.GetAsync([SysName]));

        Assert.Equal(SnmpError.AgentError, ex.Error);
        Assert.Equal(SnmpErrorStatus.AuthorizationError, ex.ErrorStatus);
    }

    [Fact]
    public async Task A_wrong_community_is_a_timeout_that_says_so()
    {
        await using SnmpClient client = agent.Client(SnmpCredential.Community("not-a-community"), timeout: TimeSpan.FromMilliseconds(300), retries: 1);

        var ex = await Assert.ThrowsAsync<SnmpException>(() => client.GetAsync([SysName]));

        Assert.Equal(SnmpError.Timeout, ex.Error);
        Assert.Contains("2 tries", ex.Message);
        Assert.Contains("wrong community", ex.Message);
        Assert.DoesNotContain("not-a-community", ex.Message);
    }

    [Fact]
    public async Task A_port_without_an_agent_is_a_timeout_naming_port_unreachable()
    {
        int port;
        using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            port = ((IPEndPoint)probe.LocalEndPoint!).Port;
        }

        var target = new SnmpTarget("127.0.0.1", SnmpCredential.Community("public"), port) { Timeout = TimeSpan.FromMilliseconds(200), Retries = 1 };
        await using var client = new SnmpClient(target);

        var ex = await Assert.ThrowsAsync<SnmpException>(() => client.GetAsync([SysName]));

        Assert.Equal(SnmpError.Timeout, ex.Error);
        Assert.Contains("port unreachable", ex.Message);
    }

    [Fact]
    public async Task A_silent_v3_agent_fails_at_discovery_without_blaming_the_privacy_password()
    {
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var target = new SnmpTarget("127.0.0.1", SnmpUsers.Sha256Aes, ((IPEndPoint)silent.LocalEndPoint!).Port) { Timeout = TimeSpan.FromMilliseconds(200), Retries = 0 };
        await using var client = new SnmpClient(target);

        var ex = await Assert.ThrowsAsync<SnmpException>(() => client.GetAsync([SysName]));

        Assert.Equal(SnmpError.Timeout, ex.Error);
        Assert.Contains("engine ID discovery", ex.Message);
        Assert.DoesNotContain("privacy password", ex.Message);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("")]
    public void A_password_under_eight_characters_is_refused(string password)
    {
        var ex = Assert.Throws<ArgumentException>(() => SnmpCredential.User("u", SnmpAuthProtocol.Sha256, password));

        Assert.Contains("8 characters", ex.Message);
    }

    [Fact]
    public void The_credential_prints_nothing_secret()
    {
        var credential = SnmpCredential.User("usr-x", SnmpAuthProtocol.Sha512, "secret-auth-pass", SnmpPrivProtocol.Aes256Cisco, "secret-priv-pass");

        Assert.Equal("v3 user usr-x (AuthPriv, auth Sha512, priv Aes256Cisco)", credential.ToString());
        Assert.Equal("V2c community", SnmpCredential.Community("topsecret").ToString());
    }
}
