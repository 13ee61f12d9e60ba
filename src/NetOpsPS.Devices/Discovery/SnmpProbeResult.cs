using System;
using System.Collections.Generic;

namespace NetOpsPS.Devices.Discovery;

/// <summary>One host of a sweep: the device when a credential worked, else why each credential failed.</summary>
public sealed class SnmpProbeResult
{
    internal SnmpProbeResult(string address, SnmpDevice? device, IReadOnlyList<string> failures)
    {
        Address = address;
        Device = device;
        Failures = failures;
    }

    public string Address { get; }

    /// <summary>Null when no credential got an answer.</summary>
    public SnmpDevice? Device { get; }

    /// <summary>One line per credential that failed ("credential 0 (v2c community): Timeout"); nothing secret.</summary>
    public IReadOnlyList<string> Failures { get; }
}
