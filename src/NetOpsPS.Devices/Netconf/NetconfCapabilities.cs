using System;
using System.Collections.Generic;
using System.Linq;

namespace NetOpsPS.Devices.Netconf;

/// <summary>What the hello exchange settled (RFC 6241 §8.1): the server's capabilities, ours, the session id and framing.</summary>
public sealed class NetconfCapabilities
{
    internal NetconfCapabilities(uint sessionId, IReadOnlyList<NetconfCapability> server, IReadOnlyList<string> client)
    {
        SessionId = sessionId;
        Server = server;
        Client = client;
        BaseVersion = Has(NetconfNamespaces.Base11) && client.Contains(NetconfNamespaces.Base11) ? "1.1" : "1.0";
    }

    /// <summary>The session-id the server assigned.</summary>
    public uint SessionId { get; }

    /// <summary>Every capability the server announced.</summary>
    public IReadOnlyList<NetconfCapability> Server { get; }

    /// <summary>The URIs this client announced.</summary>
    public IReadOnlyList<string> Client { get; }

    /// <summary>1.1 (chunked framing) when both sides announced base:1.1, else 1.0 (end-of-message framing).</summary>
    public string BaseVersion { get; }

    /// <summary>:candidate</summary>
    public bool Candidate => HasCapability("candidate");

    /// <summary>:confirmed-commit (1.0 or 1.1; persist needs 1.1).</summary>
    public bool ConfirmedCommit => HasCapability("confirmed-commit");

    /// <summary>:confirmed-commit:1.1, which adds persist, persist-id and cancel-commit.</summary>
    public bool ConfirmedCommit11 => Has(NetconfNamespaces.CapabilityPrefix + "confirmed-commit:1.1");

    /// <summary>:validate</summary>
    public bool Validate => HasCapability("validate");

    /// <summary>:startup</summary>
    public bool Startup => HasCapability("startup");

    /// <summary>:writable-running</summary>
    public bool WritableRunning => HasCapability("writable-running");

    /// <summary>:rollback-on-error</summary>
    public bool RollbackOnError => HasCapability("rollback-on-error");

    /// <summary>:xpath</summary>
    public bool XPath => HasCapability("xpath");

    /// <summary>YANG modules the server announced.</summary>
    public IEnumerable<NetconfCapability> Modules => Server.Where(c => c.Module is not null);

    /// <summary>True when the server announced exactly this URI (query part ignored).</summary>
    public bool Has(string uri) => Server.Any(c => c.Uri == uri || c.Uri.Split('?')[0] == uri);

    /// <summary>True when the server announced the RFC 6241 capability of this name, any version.</summary>
    public bool HasCapability(string name)
    {
        string wanted = ":" + name.TrimStart(':');
        return Server.Any(c => string.Equals(c.Name, wanted, StringComparison.Ordinal));
    }
}
