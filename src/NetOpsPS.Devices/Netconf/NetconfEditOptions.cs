using System.Xml.Linq;

namespace NetOpsPS.Devices.Netconf;

/// <summary>edit-config default-operation (RFC 6241 §7.2).</summary>
public enum NetconfDefaultOperation
{
    /// <summary>Merge the config into the datastore (the server's default).</summary>
    Merge,

    /// <summary>Replace the datastore's content with the config.</summary>
    Replace,

    /// <summary>Change only what carries an operation attribute.</summary>
    None,
}

/// <summary>edit-config test-option (RFC 6241 §8.6, :validate).</summary>
public enum NetconfTestOption
{
    /// <summary>Validate, then apply only if valid.</summary>
    TestThenSet,

    /// <summary>Apply without validating.</summary>
    Set,

    /// <summary>Validate only (:validate:1.1).</summary>
    TestOnly,
}

/// <summary>edit-config error-option (RFC 6241 §7.2).</summary>
public enum NetconfErrorOption
{
    /// <summary>Stop at the first error (the server's default).</summary>
    StopOnError,

    /// <summary>Go on after errors.</summary>
    ContinueOnError,

    /// <summary>Undo the whole edit after an error (:rollback-on-error).</summary>
    RollbackOnError,
}

/// <summary>One edit-config (RFC 6241 §7.2).</summary>
public sealed class NetconfEditOptions
{
    /// <summary>The datastore to edit.</summary>
    public NetconfDatastore Target { get; init; } = NetconfDatastore.Candidate;

    /// <summary>The configuration: a &lt;config&gt; element, or the top element(s) to put inside one.</summary>
    public required XElement Config { get; init; }

    /// <summary>default-operation; the server's (merge) when null.</summary>
    public NetconfDefaultOperation? DefaultOperation { get; init; }

    /// <summary>test-option; the server's when null.</summary>
    public NetconfTestOption? TestOption { get; init; }

    /// <summary>error-option; the server's when null.</summary>
    public NetconfErrorOption? ErrorOption { get; init; }
}
