namespace NetOpsPS.Devices.Push;

/// <summary>How the rendered configuration meets the device's: the edit-config default-operation (RFC 6241 §7.2).</summary>
public enum PushMode
{
    /// <summary>Merged into the existing configuration.</summary>
    Merge,

    /// <summary>Replaces the configuration (the rendered text is the whole configuration).</summary>
    Replace,
}
