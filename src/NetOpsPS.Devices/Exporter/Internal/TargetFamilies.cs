using Prometheus;

namespace NetOpsPS.Devices.Exporter.Internal;

/// <summary>The per-target health families: up, poll duration, polls and failures, agent uptime and restarts.</summary>
internal sealed class TargetFamilies
{
    private static readonly string[] Target = ["target"];

    public TargetFamilies(IMetricFactory factory)
    {
        Up = factory.CreateGauge("netops_target_up", "1 when the last poll of the target succeeded, 0 when it failed or timed out.", Target);
        PollDuration = factory.CreateGauge("netops_target_poll_duration_seconds", "How long the last poll of the target took.", Target);
        Polls = factory.CreateCounter("netops_target_polls_total", "Polls of the target, failed ones included.", Target);
        Failures = factory.CreateCounter("netops_target_poll_failures_total", "Failed polls of the target, by reason (timeout, error).", ["target", "reason"]);
        AgentUptime = factory.CreateGauge("netops_target_agent_uptime_seconds", "The agent's sysUpTime at the last successful poll.", Target);
        Restarts = factory.CreateCounter("netops_target_agent_restarts_total", "Agent restarts seen (sysUpTime went backwards); each one resets the target's interface series.", Target);
        Discontinuities = factory.CreateCounter("netops_target_discontinuities_total", "64-bit interface counters that went down without an agent restart; each one reset its series.", Target);
    }

    public Gauge Up { get; }

    public Gauge PollDuration { get; }

    public Counter Polls { get; }

    public Counter Failures { get; }

    public Gauge AgentUptime { get; }

    public Counter Restarts { get; }

    public Counter Discontinuities { get; }
}
