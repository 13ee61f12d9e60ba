namespace NetOpsPS.Devices.Netconf;

/// <summary>A configuration datastore (RFC 6241 §5.1, §8.3, §8.7).</summary>
public enum NetconfDatastore
{
    /// <summary>The running configuration.</summary>
    Running,

    /// <summary>The candidate configuration (:candidate), committed to running by commit.</summary>
    Candidate,

    /// <summary>The startup configuration (:startup).</summary>
    Startup,
}
