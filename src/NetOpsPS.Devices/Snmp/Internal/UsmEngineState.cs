using System;
using System.Diagnostics;

namespace NetOpsPS.Devices.Snmp.Internal;

/// <summary>
/// What a non-authoritative engine knows of one authoritative engine (RFC 3414 §2.3): its ID,
/// snmpEngineBoots, and snmpEngineTime as of a local clock reading, so requests carry a time inside
/// the 150-second window (§2.2.3) and answers outside it are refused (§3.2 step 7b).
/// </summary>
internal sealed class UsmEngineState
{
    /// <summary>RFC 3414 §2.2.3: the time window.</summary>
    public const int TimeWindowSeconds = 150;

    private readonly object _lock = new();
    private long _timeStamp = Stopwatch.GetTimestamp();

    public byte[] EngineId { get; private set; } = [];

    public bool IsDiscovered => EngineId.Length > 0;

    public int Boots { get; private set; }

    /// <summary>latestReceivedEngineTime (§2.3).</summary>
    public int LatestTime { get; private set; }

    /// <summary>snmpEngineTime now, by our clock.</summary>
    public int EstimatedTime => (int)Math.Min(int.MaxValue, LatestTime + (long)Stopwatch.GetElapsedTime(_timeStamp).TotalSeconds);

    public void Discovered(byte[] engineId, int boots, int time)
    {
        EngineId = engineId;
        Resynchronise(boots, time);
    }

    /// <summary>After a notInTimeWindow report or during discovery: take the agent's word (§4).</summary>
    public void Resynchronise(int boots, int time)
    {
        lock (_lock)
        {
            Boots = boots;
            LatestTime = time;
            _timeStamp = Stopwatch.GetTimestamp();
        }
    }

    /// <summary>
    /// RFC 3414 §3.2 step 7b for an authenticated answer: update the notion of the engine's clock when the
    /// answer is newer; false when the answer lies outside the window (and must be discarded).
    /// </summary>
    public bool AcceptTime(int boots, int time)
    {
        lock (_lock)
        {
            return AcceptTimeLocked(boots, time);
        }
    }

    private bool AcceptTimeLocked(int boots, int time)
    {
        if (boots > Boots || (boots == Boots && time > LatestTime))
        {
            Resynchronise(boots, time);
            return true;
        }

        return boots != int.MaxValue && boots == Boots && time >= EstimatedTime - TimeWindowSeconds;
    }
}
