using System;
using System.Management.Automation;
using NetOpsPS.Sockets.Reliable;

namespace NetOpsPS.Udp;

/// <summary>
/// Start-ReliableUdpListener: the receiving side of reliable UDP. Returns the listener at once; it
/// acknowledges and reassembles in the background and keeps delivered messages for
/// Receive-ReliableUdpMessage. Get-UdpServer lists it, Stop-UdpServer stops it.
/// </summary>
[Cmdlet(VerbsLifecycle.Start, "ReliableUdpListener", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(ReliableUdpListener))]
public sealed class StartReliableUdpListenerCommand : UdpServerCommandBase
{
    /// <summary>Packets held per session above the next one expected (the advertised window).</summary>
    [Parameter]
    [ValidateRange(1, 32768)]
    public int ReceiveWindow { get; set; } = 1024;

    /// <summary>Delivered messages kept for Receive-ReliableUdpMessage; when full the oldest is discarded and counted.</summary>
    [Parameter]
    [ValidateRange(1, 10_000_000)]
    public int InboxCapacity { get; set; } = 10_000;

    /// <summary>Sessions (senders' transfers) kept at once.</summary>
    [Parameter]
    [ValidateRange(1, 100_000)]
    public int MaxSessions { get; set; } = 256;

    /// <summary>Seconds without packets after which a session is forgotten.</summary>
    [Parameter]
    [ValidateRange(0.001, 86400.0)]
    public double SessionIdleTimeoutSeconds { get; set; } = 60;

    /// <inheritdoc />
    protected override void ProcessRecord() =>
        StartServer("Start reliable UDP listener", () => ReliableUdpListener.Start(new ReliableUdpListenerOptions
        {
            LocalEndPoint = LocalEndPoint,
            Name = Name,
            ReceiveWindow = ReceiveWindow,
            InboxCapacity = InboxCapacity,
            MaxSessions = MaxSessions,
            SessionIdleTimeout = TimeSpan.FromSeconds(SessionIdleTimeoutSeconds),
            Buffers = BufferOptions(),
        }));
}
