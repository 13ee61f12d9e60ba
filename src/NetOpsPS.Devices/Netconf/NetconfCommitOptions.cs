using System;

namespace NetOpsPS.Devices.Netconf;

/// <summary>A commit (RFC 6241 §8.3.4.1), plain, confirmed (§8.4.5.1), or the confirming one.</summary>
public sealed class NetconfCommitOptions
{
    /// <summary>A confirmed commit: running rolls back unless a confirming commit comes within <see cref="ConfirmTimeout"/>.</summary>
    public bool Confirmed { get; init; }

    /// <summary>The confirmed commit's window; the server's default (600 s) when null.</summary>
    public TimeSpan? ConfirmTimeout { get; init; }

    /// <summary>:confirmed-commit:1.1 persist: the confirmed commit survives this session and is confirmed or cancelled by this id.</summary>
    public string? Persist { get; init; }

    /// <summary>Confirms (or cancels) a persistent confirmed commit made with this id, from any session.</summary>
    public string? PersistId { get; init; }
}
