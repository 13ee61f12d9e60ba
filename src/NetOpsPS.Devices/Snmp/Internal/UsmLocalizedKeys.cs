namespace NetOpsPS.Devices.Snmp.Internal;

/// <summary>Keys localised to one engine ID.</summary>
internal sealed record UsmLocalizedKeys(byte[]? AuthKey, byte[]? PrivKey);
