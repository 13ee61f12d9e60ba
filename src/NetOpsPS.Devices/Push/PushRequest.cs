using System;
using System.Collections.Generic;
using System.Net;

namespace NetOpsPS.Devices.Push;

/// <summary>One device of a batch: where it is, how to log in and the configuration rendered for it.</summary>
public sealed class PushRequest
{
    /// <summary>Creates a request whose configuration rendered.</summary>
    public PushRequest(string name, string hostname, int port, string? config, NetworkCredential? credential = null, Exception? renderError = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (config is null && renderError is null)
        {
            throw new ArgumentException("A request needs a rendered configuration or the error that prevented it.", nameof(config));
        }

        Name = name;
        Hostname = string.IsNullOrEmpty(hostname) ? name : hostname;
        Port = port;
        Config = config;
        Credential = credential;
        RenderError = renderError;
    }

    /// <summary>The device's inventory name.</summary>
    public string Name { get; }

    /// <summary>Where to connect.</summary>
    public string Hostname { get; }

    /// <summary>The NETCONF port.</summary>
    public int Port { get; }

    /// <summary>The rendered configuration (the &lt;config&gt; element or its content); null when rendering failed.</summary>
    public string? Config { get; }

    /// <summary>
    /// Login; never written to results or the log. The user name, and a password when not empty (tried after the key
    /// files); null for the connector's <see cref="NetconfPushConnectorOptions.UserName"/>.
    /// </summary>
    public NetworkCredential? Credential { get; }

    /// <summary>This device's private key files (full paths), tried in order; null for the connector's.</summary>
    public IReadOnlyList<string>? PrivateKeyPaths { get; init; }

    /// <summary>The passphrase of this device's encrypted key files; null for the connector's. Never logged.</summary>
    public string? PrivateKeyPassphrase { get; init; }

    /// <summary>Why the configuration could not be rendered; the device then fails without being contacted.</summary>
    public Exception? RenderError { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
