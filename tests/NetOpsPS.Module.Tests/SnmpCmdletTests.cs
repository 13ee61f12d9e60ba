using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using NetOpsPS.Module.Tests.Harness;
using NetOpsPS.TestSupport.Peers;
using Xunit;

namespace NetOpsPS.Module.Tests;

/// <summary>Two snmpd agents on their own ports for the SNMP cmdlet tests.</summary>
public sealed class SnmpAgentsFixture : IDisposable
{
    public SnmpAgentsFixture()
    {
        First = Peer.StartSnmpd();
        Second = Peer.StartSnmpd();
    }

    internal Peer First { get; }

    internal Peer Second { get; }

    public void Dispose()
    {
        First.Dispose();
        Second.Dispose();
    }
}

/// <summary>The SNMP cmdlets through the real PowerShell engine against net-snmp's snmpd.</summary>
public sealed class SnmpCmdletTests(SnmpAgentsFixture agents) : IClassFixture<SnmpAgentsFixture>, IDisposable
{
    // The secrets are built in the session from plain text only to keep the tests short; users would use Read-Host -AsSecureString.
    private const string User = @"
        function Secure($text) { [System.Net.NetworkCredential]::new('', $text).SecurePassword }
        $user = New-SnmpCredential -UserName usr-sha256-aes -AuthProtocol Sha256 -AuthPassword (Secure 'authpass-sha256') -PrivProtocol Aes128 -PrivPassword (Secure 'privpass-aes128')
        $wrongPriv = New-SnmpCredential -UserName usr-wrongpw -AuthProtocol Sha256 -AuthPassword (Secure 'rightpassword1') -PrivProtocol Aes128 -PrivPassword (Secure 'wrongpassword2')
        $wrongAuth = New-SnmpCredential -UserName usr-wrongpw -AuthProtocol Sha256 -AuthPassword (Secure 'wrongpassword1') -PrivProtocol Aes128 -PrivPassword (Secure 'rightpassword2')
        $readOnly = New-SnmpCredential -UserName usr-sha-aes -AuthProtocol Sha1 -AuthPassword (Secure 'authpass-sha1') -PrivProtocol Aes128 -PrivPassword (Secure 'privpass-aes128')
    ";

    private readonly PowerShellSession _ps = Session();

    private int Port => agents.First.Port;

    public void Dispose() => _ps.Dispose();

    [Fact]
    public void Get_Snmp_returns_typed_variables_with_their_target()
    {
        PsResult result = _ps.Run("Get-Snmp -ComputerName 127.0.0.1 -Port $args[0] -Oid sysName.0, sysUpTime.0, 1.3.6.1.4.1.99999.3.0", Port).AssertClean();

        Assert.Equal(3, result.Output.Count);
        Assert.All(result.Output, o => Assert.Equal("NetOpsPS.Snmp.SnmpVariable", o.TypeName()));
        Assert.All(result.Output, o => Assert.Equal($"127.0.0.1:{Port}", o.Get<string>("Target")));
        Assert.Equal("peers-snmpd", result.Output[0].Get<string>("Text"));
        Assert.Equal("sysName.0", result.Output[0].Get<string>("Name"));
        Assert.IsType<TimeSpan>(result.Output[1].Get<object>("Value"));
        Assert.Equal(4000000000u, result.Output[2].Get<uint>("Value"));
        Assert.Equal("Gauge32", result.Output[2].Get<object>("Type").ToString());
    }

    [Fact]
    public void Get_SnmpV3_reads_with_a_credential_object_and_nothing_secret_shows()
    {
        PsResult result = _ps.Run(User + "$user; Get-SnmpV3 127.0.0.1 -Port $args[0] -Credential $user -Oid sysLocation.0 -Verbose", Port).AssertClean();

        PSObject credential = result.Output[0];
        Assert.Equal("NetOpsPS.Devices.Snmp.SnmpCredential", credential.TypeName());
        Assert.Equal("AuthPriv", credential.Get<object>("SecurityLevel").ToString());
        Assert.DoesNotContain(credential.Properties, p => p.Name.Contains("Password", StringComparison.OrdinalIgnoreCase) || p.Name.Contains("Key", StringComparison.Ordinal));
        Assert.Equal("PeersLab rack 1", result.Output[1].Get<string>("Text"));
        Assert.Equal("V3", result.Output[1].Get<object>("Version").ToString());
        string everything = string.Join("\n", result.Verbose.Concat(result.Output.Select(o => o.ToString())));
        Assert.DoesNotContain("authpass", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("privpass", everything, StringComparison.Ordinal);
        Assert.Contains(result.Verbose, v => v.Contains("usr-sha256-aes", StringComparison.Ordinal));
    }

    [Fact]
    public void Many_agents_from_the_pipeline_are_polled_concurrently_and_keep_their_target()
    {
        PsResult result = _ps.Run(User + @"
            $targets = @($args[0], $args[1] | ForEach-Object { [pscustomobject]@{ ComputerName = '127.0.0.1'; Port = $_ } }) +
                       [pscustomobject]@{ ComputerName = '::1'; Port = $args[0] }
            $targets | Get-Snmp -Credential $user -Oid sysName.0 -ThrottleLimit 3", agents.First.Port, agents.Second.Port).AssertClean();

        Assert.Equal(
            new[] { $"127.0.0.1:{agents.First.Port}", $"127.0.0.1:{agents.Second.Port}", $"[::1]:{agents.First.Port}" }.Order(),
            result.Output.Select(o => o.Get<string>("Target")).Order());
        Assert.All(result.Output, o => Assert.Equal("peers-snmpd", o.Get<string>("Text")));
        Assert.Equal(ProgressRecordType.Completed, result.Progress[^1].RecordType);
    }

    [Fact]
    public void A_failing_agent_is_a_non_terminating_error_and_the_others_still_answer()
    {
        PsResult result = _ps.Run(User + @"
            Get-SnmpV3 127.0.0.1 -Port $args[0] -Credential $wrongPriv -Oid sysName.0 -TimeoutSeconds 0.3 -Retries 0
            Get-SnmpV3 127.0.0.1 -Port $args[0] -Credential $wrongAuth -Oid sysName.0
            Get-SnmpV3 127.0.0.1, '::1' -Port $args[0] -Credential $user -Oid sysName.0", Port);

        Assert.Null(result.Terminating);
        Assert.Equal(["SnmpTimeout", "SnmpWrongDigest"], result.ErrorIds);
        Assert.Equal(ErrorCategory.OperationTimeout, result.Errors[0].CategoryInfo.Category);
        Assert.Contains("no answer; a wrong privacy password looks like this", result.Errors[0].Exception.Message);
        Assert.Equal($"127.0.0.1:{Port}", result.Errors[0].TargetObject);
        Assert.Equal(ErrorCategory.AuthenticationError, result.Errors[1].CategoryInfo.Category);
        Assert.Equal(2, result.Output.Count);
    }

    [Fact]
    public void FallbackCommunity_reads_over_v2c_with_a_warning()
    {
        PsResult result = _ps.Run(@"
            $user = New-SnmpCredential -UserName usr-missing -AuthProtocol Sha1 -AuthPassword ([System.Net.NetworkCredential]::new('', 'password-123').SecurePassword)
            Get-SnmpV3 127.0.0.1 -Port $args[0] -Credential $user -Oid sysName.0 -FallbackCommunity public", Port).AssertClean();

        Assert.Equal("V2c", result.Single().Get<object>("Version").ToString());
        Assert.Equal("peers-snmpd", result.Single().Get<string>("Text"));
        string warning = Assert.Single(result.Warnings);
        Assert.Contains("UnknownUserName", warning, StringComparison.Ordinal);
        Assert.Contains("Falling back to SNMPv2c", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Invoke_SnmpWalk_walks_the_stable_view_over_v2c_v1_and_v3()
    {
        PsResult v2 = _ps.Run("Invoke-SnmpWalk 127.0.0.1 -Port $args[0] -Community stable -Oid .1 -MaxRepetitions 7", Port).AssertClean();
        PsResult v1 = _ps.Run("Invoke-SnmpWalk 127.0.0.1 -Port $args[0] -Community stable -Version V1 -Oid .1", Port).AssertClean();
        PsResult v3 = _ps.Run(User + "Invoke-SnmpWalk 127.0.0.1 -Port $args[0] -Credential $user -Oid enterprises.99999", Port).AssertClean();

        Assert.Equal(43, v2.Output.Count);
        Assert.Equal(v2.Output.Select(o => o.Get<string>("Oid")), v1.Output.Select(o => o.Get<string>("Oid")));
        Assert.Equal(6, v3.Output.Count);
        Assert.Equal(".1.3.6.1.4.1.99999.5.0", v3.Output[4].Get<string>("Oid"));
    }

    [Fact]
    public void Set_Snmp_asks_first_sets_and_reports_the_agents_refusals()
    {
        PsResult whatIf = _ps.Run("Set-Snmp 127.0.0.1 -Port $args[0] -Community private -Oid sysContact.0 -Type OctetString -Value 'not-set' -WhatIf; Get-Snmp 127.0.0.1 -Port $args[0] -Oid sysContact.0", Port).AssertClean();
        PsResult set = _ps.Run(User + "Set-Snmp 127.0.0.1 -Port $args[0] -Credential $user -Oid 1.3.6.1.4.1.99999.6.0 -Type OctetString -Value 'set-by-cmdlet' -Confirm:$false", Port).AssertClean();
        PsResult refused = _ps.Run(User + @"
            Set-Snmp 127.0.0.1 -Port $args[0] -Credential $readOnly -Oid 1.3.6.1.4.1.99999.6.0 -Type OctetString -Value x -Confirm:$false
            Set-Snmp 127.0.0.1 -Port $args[0] -Credential $user -Oid sysLocation.0 -Type OctetString -Value x -Confirm:$false", Port);
        PsResult badValue = _ps.Run("Set-Snmp 127.0.0.1 -Port $args[0] -Community private -Oid sysContact.0 -Type Integer -Value abc", Port);

        Assert.NotEqual("not-set", whatIf.Single().Get<string>("Text"));
        Assert.Equal("set-by-cmdlet", set.Single().Get<string>("Text"));
        Assert.Equal(["SnmpNoAccess", "SnmpNotWritable"], refused.ErrorIds);
        Assert.All(refused.Errors, e => Assert.Equal(ErrorCategory.PermissionDenied, e.CategoryInfo.Category));
        Assert.Equal("SnmpInvalidValue", Id(badValue));
    }

    [Fact]
    public void Get_SnmpInterface_gives_typed_rows_with_64_bit_counters()
    {
        PsResult result = _ps.Run("Get-SnmpInterface 127.0.0.1 -Port $args[0]", Port).AssertClean();

        PSObject lo = Assert.Single(result.Output, o => o.Get<string>("Name") == "lo");
        Assert.Equal("NetOpsPS.Snmp.SnmpInterface", lo.TypeName());
        Assert.Equal("softwareLoopback", lo.Get<string>("TypeName"));
        Assert.Equal("Up", lo.Get<object>("OperStatus").ToString());
        Assert.True(lo.Get<bool>("HighCapacityCounters"));
        Assert.True(lo.Get<ulong>("InOctets") > 0);
        Assert.True(lo.Get<TimeSpan>("SysUpTime") > TimeSpan.Zero);
    }

    [Fact]
    public void A_privacy_password_without_a_protocol_means_AES_128()
    {
        PsResult result = _ps.Run(@"
            function Secure($text) { [System.Net.NetworkCredential]::new('', $text).SecurePassword }
            $user = New-SnmpCredential -UserName usr-sha256-aes -AuthPassword (Secure 'authpass-sha256') -PrivPassword (Secure 'privpass-aes128')
            $user
            Get-SnmpV3 127.0.0.1 -Port $args[0] -Credential $user -Oid sysName.0", Port).AssertClean();

        Assert.Equal("Sha256", result.Output[0].Get<object>("AuthProtocol").ToString());
        Assert.Equal("Aes128", result.Output[0].Get<object>("PrivProtocol").ToString());
        Assert.Equal("peers-snmpd", result.Output[1].Get<string>("Text"));
    }

    [Fact]
    public void Bad_invocations_end_with_clear_errors()
    {
        PsResult oid = _ps.Run("Get-Snmp 127.0.0.1 -Oid not.an.oid");
        PsResult v3 = _ps.Run("Get-Snmp 127.0.0.1 -Oid sysName.0 -Version V3");
        PsResult password = _ps.Run("New-SnmpCredential -UserName u -AuthPassword ([System.Net.NetworkCredential]::new('', 'tiny7ch').SecurePassword)");

        Assert.Equal("SnmpInvalidOid", Id(oid));
        Assert.Equal("SnmpInvalidArgument", Id(v3));
        Assert.Equal("SnmpInvalidCredential", Id(password));
        Assert.DoesNotContain("tiny7ch", password.Errors[0].Exception.Message, StringComparison.Ordinal);
        Assert.All(oid.Errors.Concat(v3.Errors).Concat(password.Errors), e => Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category));
    }

    [Fact]
    public void Ctrl_C_stops_a_wait_on_a_silent_agent_at_once()
    {
        using var silent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)silent.Client.LocalEndPoint!).Port;

        (PsResult result, TimeSpan took) = _ps.RunAndStop(
            "Invoke-SnmpWalk 127.0.0.1 -Port $args[0] -TimeoutSeconds 300 -Retries 0 -Verbose",
            message => message.StartsWith("Polling", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10),
            port);

        Assert.IsType<PipelineStoppedException>(result.Terminating);
        Assert.Empty(result.Output);
        // A liveness bound far below the 300 s timeout: Stop must not wait for it.
        Assert.True(took < TimeSpan.FromSeconds(30), $"Stop took {took}.");
    }

    // Other engineers' builds load these two cores heavily: answers get 10 s (tests that want a timeout say so).
    private static PowerShellSession Session()
    {
        PowerShellSession ps = PowerShellSession.Open();
        ps.Run("$global:PSDefaultParameterValues['*-Snmp*:TimeoutSeconds'] = 10").AssertClean();
        return ps;
    }

    // A terminating error of a cmdlet ends its statement; the record lands in the error stream.
    private static string Id(PsResult result)
    {
        Assert.Empty(result.Output);
        return Assert.Single(result.ErrorIds);
    }
}
