using System;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Devices.Push.Internal;

namespace NetOpsPS.Devices.Push;

/// <summary>Opens NETCONF over SSH sessions for a batch push, verifying host keys against known_hosts.</summary>
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
    public Task<INetconfPushSession> ConnectAsync(PushRequest device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        return InterimNetconfSession.ConnectAsync(device, _options, cancellationToken);
    }
}
