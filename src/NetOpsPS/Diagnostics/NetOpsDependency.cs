namespace NetOpsPS.Diagnostics;

/// <summary>One assembly the module ships in Dependencies/, and where it is loaded.</summary>
public sealed class NetOpsDependency
{
    /// <summary>Simple assembly name.</summary>
    public required string Name { get; init; }

    /// <summary>Assembly version of the shipped file.</summary>
    public required string Version { get; init; }

    /// <summary>Product (informational) version of the shipped file, as the package names it.</summary>
    public string? ProductVersion { get; init; }

    /// <summary>True when the assembly is loaded in this process.</summary>
    public bool Loaded { get; init; }

    /// <summary>Name of the load context that holds it ("NetOpsPS" for the module's own).</summary>
    public string? LoadContext { get; init; }

    /// <summary>Engines of NetOpsPS that reference it.</summary>
    public required string[] UsedBy { get; init; }

    /// <summary>The file.</summary>
    public required string Path { get; init; }
}
