using System;

namespace NetOpsPS.Devices.Exporter;

/// <summary>A device the exporter polls: the value of its <c>target</c> label and the poller that reads it.</summary>
public sealed class MetricsTarget
{
    public MetricsTarget(string name, IInterfaceTablePoller poller)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(poller);
        Name = name;
        Poller = poller;
    }

    /// <summary>The <c>target</c> label: usually host:port of the agent.</summary>
    public string Name { get; }

    public IInterfaceTablePoller Poller { get; }

    public override string ToString() => Name;
}
