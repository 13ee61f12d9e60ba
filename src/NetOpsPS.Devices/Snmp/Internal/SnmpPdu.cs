using System.Collections.Generic;

namespace NetOpsPS.Devices.Snmp.Internal;

/// <summary>RFC 3416 §3 PDU types: the context-specific constructed tag numbers.</summary>
internal enum PduType
{
    GetRequest = 0,
    GetNextRequest = 1,
    Response = 2,
    SetRequest = 3,
    TrapV1 = 4,
    GetBulkRequest = 5,
    InformRequest = 6,
    TrapV2 = 7,
    Report = 8,
}

/// <summary>
/// A PDU (RFC 3416 §3). For GetBulk, <see cref="ErrorStatus"/> and <see cref="ErrorIndex"/> carry
/// non-repeaters and max-repetitions, which share those slots on the wire (RFC 3416 §4.2.3).
/// </summary>
internal sealed record SnmpPdu(PduType Type, int RequestId, int ErrorStatus, int ErrorIndex, IReadOnlyList<SnmpVarBind> VarBinds);
