using NetOpsPS.Devices.Snmp;

namespace NetOpsPS.Snmp;

/// <summary>One varbind an agent answered, with the agent it came from (Get-Snmp, Get-SnmpV3, Invoke-SnmpWalk, Set-Snmp).</summary>
public sealed class SnmpVariable
{
    internal SnmpVariable(string computerName, int port, string target, SnmpVersion version, SnmpVarBind varBind)
    {
        ComputerName = computerName;
        Port = port;
        Target = target;
        Version = version;
        Oid = varBind.Oid.ToString();
        Name = varBind.Name;
        Type = varBind.Type;
        Value = varBind.Value.Value;
        Text = varBind.Value.ToString();
    }

    /// <summary>The host as given.</summary>
    public string ComputerName { get; }

    /// <summary>The agent's UDP port.</summary>
    public int Port { get; }

    /// <summary>"host:port" of the agent that answered.</summary>
    public string Target { get; }

    /// <summary>The SNMP version that answered (V2c after a -FallbackCommunity fallback).</summary>
    public SnmpVersion Version { get; }

    /// <summary>The numeric OID, with a leading dot as net-snmp prints it with -On.</summary>
    public string Oid { get; }

    /// <summary>The name from the built-in table (sysName.0, ifHCInOctets.3), or null.</summary>
    public string? Name { get; }

    /// <summary>The SMI type, or NoSuchObject / NoSuchInstance / EndOfMibView.</summary>
    public SnmpType Type { get; }

    /// <summary>
    /// The value as a .NET type: Int32, Byte[] (OctetString, Opaque), UInt32 (Counter32, Gauge32), UInt64 (Counter64),
    /// TimeSpan (TimeTicks), IPAddress, SnmpOid; null for the exception states.
    /// </summary>
    public object? Value { get; }

    /// <summary>The value for reading: text when printable, hex otherwise; the state's name for exceptions.</summary>
    public string Text { get; }
}
