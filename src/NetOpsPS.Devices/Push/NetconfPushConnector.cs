using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Devices.Netconf;
using NetOpsPS.Devices.Ssh;

namespace NetOpsPS.Devices.Push;

/// <summary>
/// Opens the engine's NETCONF over SSH sessions for a batch push. Login, key files and the host key check against
/// known_hosts are the SSH engine's (<see cref="SshConnectionOptions"/>); a failure is an <see cref="SshException"/>
/// with its code (HostKeyUnknown, HostKeyChanged, AuthenticationFailed, KeyFileInvalid...) for that device alone.
/// </summary>
public sealed class NetconfPushConnector
{
    private readonly NetconfPushConnectorOptions _options;

    /// <summary>Creates a connector.</summary>
    public NetconfPushConnector(NetconfPushConnectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Connects to one device and exchanges hellos.</summary>
    public async Task<NetconfSession> ConnectAsync(PushRequest device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        return await NetconfSession.ConnectAsync(
            new NetconfSessionOptions { Name = device.Name, RpcTimeout = _options.Timeout, Ssh = SshOptions(device) },
            cancellationToken).ConfigureAwait(false);
    }

    // The device's own login wins field by field: its credential's user name over the batch's, its key files (and
    // their passphrase) over the batch's. Key files are tried before a password, as ssh does.
    private SshConnectionOptions SshOptions(PushRequest device)
    {
        string user = device.Credential?.UserName is { Length: > 0 } name ? name : _options.UserName
            ?? throw new SshException(SshError.InvalidArgument, $"Device '{device.Name}' has no credential, and no user name is given for key login.");
        string? password = device.Credential?.Password is { Length: > 0 } secret ? secret : null;
        string[] keys = device.PrivateKeyPaths?.ToArray() ?? _options.PrivateKeyPaths;
        if (password is null && keys.Length == 0)
        {
            throw new SshException(SshError.InvalidArgument, $"Device '{device.Name}' has neither a password nor a key file to log in as '{user}'.");
        }

        return new SshConnectionOptions
        {
            Host = device.Hostname,
            Port = device.Port,
            UserName = user,
            Password = password,
            PrivateKeyPaths = keys,
            PrivateKeyPassphrase = device.PrivateKeyPassphrase ?? _options.PrivateKeyPassphrase,
            KnownHostsPath = _options.KnownHostsPath,
            HostKeyPolicy = _options.HostKeyPolicy,
            ConnectTimeout = _options.Timeout,
        };
    }
}
