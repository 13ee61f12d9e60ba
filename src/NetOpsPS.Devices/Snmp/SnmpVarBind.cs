using System;

namespace NetOpsPS.Devices.Snmp;

/// <summary>A variable binding (RFC 3416 §3, VarBind): an OID and its typed value or exception state.</summary>
public sealed class SnmpVarBind
{
    /// <summary>Binds <paramref name="oid"/> to <paramref name="value"/>.</summary>
    public SnmpVarBind(SnmpOid oid, SnmpValue value)
    {
        Oid = oid ?? throw new ArgumentNullException(nameof(oid));
        Value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>A request varbind: the OID with a NULL value.</summary>
    public SnmpVarBind(SnmpOid oid) : this(oid, SnmpValue.Null) { }

    /// <summary>The OID.</summary>
    public SnmpOid Oid { get; }

    /// <summary>The built-in name (ifHCInOctets.3), or null when the table has none.</summary>
    public string? Name => Oid.Name;

    /// <summary>The value's type or exception state.</summary>
    public SnmpType Type => Value.Type;

    /// <summary>The value.</summary>
    public SnmpValue Value { get; }

    /// <summary>net-snmp style: ".1.3.6.1.2.1.1.5.0 = peers-snmpd".</summary>
    public override string ToString() => $"{Oid} = {Value}";
}
