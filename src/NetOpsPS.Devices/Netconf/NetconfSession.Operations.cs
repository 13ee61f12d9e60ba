using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace NetOpsPS.Devices.Netconf;

/// <summary>The RFC 6241 operations (§7, §8), each one rpc.</summary>
public sealed partial class NetconfSession
{
    /// <summary>get-config (§7.1): the datastore's content, inside a &lt;data&gt; element.</summary>
    public async Task<XElement> GetConfigAsync(NetconfDatastore source = NetconfDatastore.Running, NetconfFilter? filter = null, CancellationToken cancellationToken = default)
    {
        RequireDatastore(source);
        RequireFilter(filter);
        var operation = new XElement(Nc + "get-config", new XElement(Nc + "source", Datastore(source)), filter?.ToElement());
        NetconfReply reply = await RpcAsync(operation, cancellationToken).ConfigureAwait(false);
        return reply.Data ?? new XElement(Nc + "data");
    }

    /// <summary>get (§7.7): configuration and state, inside a &lt;data&gt; element.</summary>
    public async Task<XElement> GetAsync(NetconfFilter? filter = null, CancellationToken cancellationToken = default)
    {
        RequireFilter(filter);
        NetconfReply reply = await RpcAsync(new XElement(Nc + "get", filter?.ToElement()), cancellationToken).ConfigureAwait(false);
        return reply.Data ?? new XElement(Nc + "data");
    }

    /// <summary>edit-config (§7.2).</summary>
    public Task<NetconfReply> EditConfigAsync(NetconfEditOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        RequireDatastore(options.Target);
        if (options.Target == NetconfDatastore.Running && !Capabilities.WritableRunning)
        {
            throw new NetconfException(NetconfError.CapabilityMissing, $"{Name}: running is not writable here (no :writable-running); edit the candidate and commit.");
        }

        var operation = new XElement(
            Nc + "edit-config",
            new XElement(Nc + "target", Datastore(options.Target)),
            options.DefaultOperation is { } d ? new XElement(Nc + "default-operation", Kebab(d.ToString())) : null,
            options.TestOption is { } t ? new XElement(Nc + "test-option", Kebab(t.ToString())) : null,
            options.ErrorOption is { } e ? new XElement(Nc + "error-option", Kebab(e.ToString())) : null,
            ConfigElement(options.Config));
        return RpcAsync(operation, cancellationToken);
    }

    /// <summary>lock (§7.5). A lock held by another session fails with tag lock-denied and the holder's session-id in Info.</summary>
    public Task<NetconfReply> LockAsync(NetconfDatastore target, CancellationToken cancellationToken = default)
    {
        RequireDatastore(target);
        return RpcAsync(new XElement(Nc + "lock", new XElement(Nc + "target", Datastore(target))), cancellationToken);
    }

    /// <summary>unlock (§7.6).</summary>
    public Task<NetconfReply> UnlockAsync(NetconfDatastore target, CancellationToken cancellationToken = default)
    {
        RequireDatastore(target);
        return RpcAsync(new XElement(Nc + "unlock", new XElement(Nc + "target", Datastore(target))), cancellationToken);
    }

    /// <summary>validate (§8.6). On yuma123 netconfd, a commit right after validate loses the candidate: put another rpc between.</summary>
    public Task<NetconfReply> ValidateAsync(NetconfDatastore source = NetconfDatastore.Candidate, CancellationToken cancellationToken = default)
    {
        Require(Capabilities.Validate, ":validate");
        RequireDatastore(source);
        return RpcAsync(new XElement(Nc + "validate", new XElement(Nc + "source", Datastore(source))), cancellationToken);
    }

    /// <summary>commit (§8.3.4.1), confirmed commit (§8.4.5.1) or the confirming commit.</summary>
    public Task<NetconfReply> CommitAsync(NetconfCommitOptions? options = null, CancellationToken cancellationToken = default)
    {
        Require(Capabilities.Candidate, ":candidate");
        options ??= new NetconfCommitOptions();
        if (options.Confirmed)
        {
            Require(Capabilities.ConfirmedCommit, ":confirmed-commit");
        }

        if (options.Persist is not null || options.PersistId is not null)
        {
            Require(Capabilities.ConfirmedCommit11, ":confirmed-commit:1.1");
        }

        var operation = new XElement(
            Nc + "commit",
            options.Confirmed ? new XElement(Nc + "confirmed") : null,
            options.Confirmed && options.ConfirmTimeout is { } timeout
                ? new XElement(Nc + "confirm-timeout", ((uint)Math.Max(1, Math.Ceiling(timeout.TotalSeconds))).ToString(CultureInfo.InvariantCulture))
                : null,
            options.Confirmed && options.Persist is { } persist ? new XElement(Nc + "persist", persist) : null,
            options.PersistId is { } persistId ? new XElement(Nc + "persist-id", persistId) : null);
        return RpcAsync(operation, cancellationToken);
    }

    /// <summary>cancel-commit (§8.4.4.1): rolls back a pending confirmed commit now.</summary>
    public Task<NetconfReply> CancelCommitAsync(string? persistId = null, CancellationToken cancellationToken = default)
    {
        Require(Capabilities.ConfirmedCommit11, ":confirmed-commit:1.1");
        return RpcAsync(new XElement(Nc + "cancel-commit", persistId is null ? null : new XElement(Nc + "persist-id", persistId)), cancellationToken);
    }

    /// <summary>discard-changes (§8.3.4.2): the candidate becomes running again.</summary>
    public Task<NetconfReply> DiscardChangesAsync(CancellationToken cancellationToken = default)
    {
        Require(Capabilities.Candidate, ":candidate");
        return RpcAsync(new XElement(Nc + "discard-changes"), cancellationToken);
    }

    /// <summary>kill-session (§7.9): ends another session, releasing its locks.</summary>
    public Task<NetconfReply> KillSessionAsync(uint sessionId, CancellationToken cancellationToken = default) =>
        RpcAsync(new XElement(Nc + "kill-session", new XElement(Nc + "session-id", sessionId.ToString(CultureInfo.InvariantCulture))), cancellationToken);

    /// <summary>
    /// The difference between two datastores (candidate against running by default), from two get-configs with the
    /// same filter: what a commit would change.
    /// </summary>
    public async Task<NetconfConfigDiff> CompareAsync(
        NetconfDatastore reference = NetconfDatastore.Running,
        NetconfDatastore difference = NetconfDatastore.Candidate,
        NetconfFilter? filter = null,
        CancellationToken cancellationToken = default)
    {
        XElement before = await GetConfigAsync(reference, filter, cancellationToken).ConfigureAwait(false);
        XElement after = await GetConfigAsync(difference, filter, cancellationToken).ConfigureAwait(false);
        return NetconfConfigDiff.Compare(before, after, reference.ToString().ToLowerInvariant(), difference.ToString().ToLowerInvariant());
    }

    internal static XElement Datastore(NetconfDatastore datastore) => new(Nc + datastore.ToString().ToLowerInvariant());

    // RFC 6241 §7.2: the config parameter is <config> holding the top-level nodes.
    private static XElement ConfigElement(XElement config)
    {
        if (config.Name.LocalName == "config" && (config.Name.Namespace == Nc || config.Name.Namespace == XNamespace.None))
        {
            return new XElement(Nc + "config", config.Attributes().Where(a => a.IsNamespaceDeclaration), config.Nodes());
        }

        return new XElement(Nc + "config", config);
    }

    private static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private void RequireDatastore(NetconfDatastore datastore)
    {
        if (datastore == NetconfDatastore.Candidate)
        {
            Require(Capabilities.Candidate, ":candidate");
        }
        else if (datastore == NetconfDatastore.Startup)
        {
            Require(Capabilities.Startup, ":startup");
        }
    }

    private void RequireFilter(NetconfFilter? filter)
    {
        if (filter is { IsXPath: true })
        {
            Require(Capabilities.XPath, ":xpath");
        }
    }

    private void Require(bool present, string capability)
    {
        if (!present)
        {
            throw new NetconfException(NetconfError.CapabilityMissing, $"{Name}: the server does not announce {capability}.");
        }
    }
}
