using System;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Devices.Netconf;
using NetOpsPS.Devices.Push.Internal;
using NetOpsPS.Devices.Ssh;

namespace NetOpsPS.Devices.Push;

/// <summary>Opens the engine's NETCONF over SSH sessions for a batch push; host keys are checked against known_hosts.</summary>
public sealed class NetconfPushConnector : INetconfPushConnector
{
    private readonly NetconfPushConnectorOptions _options;

    /// <summary>Creates a connector.</summary>
    public NetconfPushConnector(NetconfPushConnectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <inheritdoc />
    public async Task<INetconfPushSession> ConnectAsync(PushRequest device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        string user = device.Credential?.UserName is { Length: > 0 } name ? name : _options.UserName
            ?? throw new InvalidOperationException($"Device '{device.Name}' has no credential (and no user name for key login).");
        string? password = device.Credential?.Password is { Length: > 0 } secret ? secret : null;
        NetconfSession session = await NetconfSession.ConnectAsync(
            new NetconfSessionOptions
            {
                Name = device.Name,
                RpcTimeout = _options.Timeout,
                Ssh = new SshConnectionOptions
                {
                    Host = device.Hostname,
                    Port = device.Port,
                    UserName = user,
                    Password = password,
                    PrivateKeyPaths = _options.PrivateKeyPaths,
                    KnownHostsPath = _options.KnownHostsPath,
                    HostKeyPolicy = _options.HostKeyPolicy,
                    ConnectTimeout = _options.Timeout,
                },
            },
            cancellationToken).ConfigureAwait(false);
        return new NetconfPushSession(session);
    }
}
