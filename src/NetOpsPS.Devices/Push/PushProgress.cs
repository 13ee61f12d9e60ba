namespace NetOpsPS.Devices.Push;

/// <summary>A step of a batch push started or a device finished.</summary>
/// <param name="Device">The device.</param>
/// <param name="Step">The step it is at.</param>
/// <param name="Finished">Devices finished so far.</param>
/// <param name="Total">Devices in the batch.</param>
public sealed record PushProgress(string Device, PushStep Step, int Finished, int Total);
