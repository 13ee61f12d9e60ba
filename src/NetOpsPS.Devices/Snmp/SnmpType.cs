namespace NetOpsPS.Devices.Snmp;

/// <summary>
/// The type of a varbind value: the SMI base types (RFC 2578 §7.1, with the application tags of
/// RFC 3416 §3) and the three exception states a v2c/v3 agent answers instead of a value.
/// </summary>
public enum SnmpType
{
    /// <summary>INTEGER / Integer32.</summary>
    Integer,
    /// <summary>OCTET STRING.</summary>
    OctetString,
    /// <summary>NULL (the value slot of a request).</summary>
    Null,
    /// <summary>OBJECT IDENTIFIER.</summary>
    ObjectIdentifier,
    /// <summary>IpAddress, [APPLICATION 0].</summary>
    IpAddress,
    /// <summary>Counter32, [APPLICATION 1].</summary>
    Counter32,
    /// <summary>Gauge32 / Unsigned32, [APPLICATION 2].</summary>
    Gauge32,
    /// <summary>TimeTicks (hundredths of a second), [APPLICATION 3].</summary>
    TimeTicks,
    /// <summary>Opaque, [APPLICATION 4].</summary>
    Opaque,
    /// <summary>Counter64, [APPLICATION 6].</summary>
    Counter64,
    /// <summary>RFC 3416 §3: noSuchObject, [CONTEXT 0]: no such object type in the agent's view.</summary>
    NoSuchObject,
    /// <summary>RFC 3416 §3: noSuchInstance, [CONTEXT 1]: the object exists, this instance does not.</summary>
    NoSuchInstance,
    /// <summary>RFC 3416 §3: endOfMibView, [CONTEXT 2]: nothing follows in the view.</summary>
    EndOfMibView,
}
