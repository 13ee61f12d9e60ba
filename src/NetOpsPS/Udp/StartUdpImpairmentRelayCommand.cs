using System;
using System.Management.Automation;
using NetOpsPS.Sockets.Impairment;

namespace NetOpsPS.Udp;

/// <summary>
/// Start-UdpImpairmentRelay: a UDP relay standing for a bad link (this kernel has no netem). Clients
/// send to it; it forwards to -TargetAddress/-TargetPort and carries replies back, dropping,
/// duplicating, reordering and delaying datagrams in both directions by the given probabilities,
/// from -Seed so a run can be replayed. Set the relay's LinkDown property to $true for an outage.
/// </summary>
[Cmdlet(VerbsLifecycle.Start, "UdpImpairmentRelay", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(UdpImpairmentRelay))]
public sealed class StartUdpImpairmentRelayCommand : UdpServerCommandBase
{
    /// <summary>Address or host name of the server behind the relay.</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string TargetAddress { get; set; } = string.Empty;

    /// <summary>Port of the server behind the relay.</summary>
    [Parameter(Mandatory = true)]
    [ValidateRange(1, 65535)]
    public int TargetPort { get; set; }

    /// <summary>Probability (0-1) that a datagram is dropped.</summary>
    [Parameter]
    [ValidateRange(0.0, 1.0)]
    public double LossProbability { get; set; }

    /// <summary>Probability (0-1) that a datagram is sent twice.</summary>
    [Parameter]
    [ValidateRange(0.0, 1.0)]
    public double DuplicateProbability { get; set; }

    /// <summary>Probability (0-1) that a datagram is held back and sent after the next one.</summary>
    [Parameter]
    [ValidateRange(0.0, 1.0)]
    public double ReorderProbability { get; set; }

    /// <summary>Probability (0-1) that a datagram is delayed by -DelayMilliseconds.</summary>
    [Parameter]
    [ValidateRange(0.0, 1.0)]
    public double DelayProbability { get; set; }

    /// <summary>Delay of a delayed datagram, in milliseconds.</summary>
    [Parameter]
    [ValidateRange(0, 60000)]
    public int DelayMilliseconds { get; set; } = 20;

    /// <summary>Longest a reordered datagram waits for a successor, in milliseconds.</summary>
    [Parameter]
    [ValidateRange(1, 60000)]
    public int ReorderHoldMilliseconds { get; set; } = 10;

    /// <summary>Seed of the decisions; the relay draws one (shown in its Seed property) when omitted.</summary>
    [Parameter]
    public int? Seed { get; set; }

    /// <summary>Clients relayed at once.</summary>
    [Parameter]
    [ValidateRange(1, 65535)]
    public int MaxClients { get; set; } = 256;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ResolveTarget(TargetAddress, TargetPort, "UdpImpairmentRelay") is not { } target)
        {
            return;
        }

        StartServer("Start UDP impairment relay", () => UdpImpairmentRelay.Start(new UdpImpairmentRelayOptions
        {
            LocalEndPoint = LocalEndPoint,
            Target = target,
            Name = Name,
            MaxClients = MaxClients,
            Buffers = BufferOptions(),
            Impairment = new UdpImpairmentOptions
            {
                LossProbability = LossProbability,
                DuplicateProbability = DuplicateProbability,
                ReorderProbability = ReorderProbability,
                DelayProbability = DelayProbability,
                Delay = TimeSpan.FromMilliseconds(DelayMilliseconds),
                ReorderHold = TimeSpan.FromMilliseconds(ReorderHoldMilliseconds),
                Seed = Seed,
            },
        }));
    }
}
