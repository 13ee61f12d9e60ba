using System;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using NetOpsPS.Devices.Netconf;
using NetOpsPS.Devices.Push.Internal;
using NetOpsPS.Devices.Ssh;

namespace NetOpsPS.Devices.Push;

/// <summary>Opens the engine's NETCONF over SSH sessions for a batch push; host keys are checked against known_hosts.</summary>
public sealed class NetconfPushConnector : INetconfPushConnector
{
    private static readonly TimeSpan FirstReplyWait = TimeSpan.FromSeconds(2);
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
        try
        {
            await FirstReplyAsync(session, device.Name, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new NetconfPushSession(session);
    }

    // yuma123 netconfd 2.13 drops an rpc that reaches it in the same read as the client's hello (seen under load:
    // the first lock never answered). Until the first reply, send a harmless rpc (get-config with an empty filter,
    // which selects nothing: RFC 6241 §6.4.2) and give each a short wait; a late reply to an abandoned one is ignored.
    private async Task FirstReplyAsync(NetconfSession session, string device, CancellationToken cancellationToken)
    {
        var probe = new XElement(
            XName.Get("get-config", NetconfNamespaces.Base),
            new XElement(XName.Get("source", NetconfNamespaces.Base), new XElement(XName.Get("running", NetconfNamespaces.Base))),
            new XElement(XName.Get("filter", NetconfNamespaces.Base), new XAttribute("type", "subtree")));
        DateTime giveUp = DateTime.UtcNow + _options.Timeout;
        while (true)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(FirstReplyWait);
            try
            {
                await session.RpcAsync(probe, wait.Token).ConfigureAwait(false);
                return;
            }
            catch (NetconfRpcException)
            {
                // An error reply is a reply: the channel works.
                return;
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                if (DateTime.UtcNow >= giveUp)
                {
                    throw new NetconfException(NetconfError.Timeout, $"{device}: no reply to any rpc within {_options.Timeout.TotalSeconds:0.###} s of the hello.", ex);
                }

                // Lost or slow: ask again.
            }
        }
    }
}
