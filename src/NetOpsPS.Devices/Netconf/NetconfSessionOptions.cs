using System;
using NetOpsPS.Devices.Ssh;

namespace NetOpsPS.Devices.Netconf;

/// <summary>A NETCONF session over SSH (RFC 6242): the SSH connection, then the netconf subsystem.</summary>
public sealed class NetconfSessionOptions
{
    /// <summary>The SSH connection (port 830 is NETCONF's own; many devices also serve it on 22).</summary>
    public required SshConnectionOptions Ssh { get; init; }

    /// <summary>A name for the session; ncN when null.</summary>
    public string? Name { get; init; }

    /// <summary>Longest wait for each rpc-reply (and for the server's hello).</summary>
    public TimeSpan RpcTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest message accepted from the server; a longer one is a framing error that closes the session.</summary>
    public long MaxMessageSize { get; init; } = 64L * 1024 * 1024;

    /// <summary>Announce only base:1.0 (end-of-message framing), for servers whose base:1.1 is broken.</summary>
    public bool Base10Only { get; init; }

    /// <summary>
    /// Hand the session out only after a first harmless rpc was answered (yuma123 netconfd drops an rpc that arrives
    /// with the client's hello). Off only for servers whose first reply is the thing under test.
    /// </summary>
    public bool AwaitFirstReply { get; init; } = true;

    /// <summary>The SSH subsystem name (RFC 6242 §3).</summary>
    public string Subsystem { get; init; } = "netconf";
}
