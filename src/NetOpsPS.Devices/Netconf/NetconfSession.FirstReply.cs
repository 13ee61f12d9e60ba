using System;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace NetOpsPS.Devices.Netconf;

public sealed partial class NetconfSession
{
    private static readonly TimeSpan FirstReplyWait = TimeSpan.FromSeconds(2);

    /// <summary>
    /// yuma123 netconfd 2.13 drops an rpc that reaches it in the same read as the client's hello (seen under load: the
    /// first lock never answered; reproduced with paramiko too). So a session is handed out only after one rpc has been
    /// answered: a harmless get-config with an empty subtree filter, which selects nothing (RFC 6241 §6.4.2), asked
    /// again after a short wait while unanswered. A late reply to an abandoned probe is ignored like any unknown id.
    /// </summary>
    private async Task AwaitFirstReplyAsync(CancellationToken cancellationToken)
    {
        var probe = new XElement(
            Nc + "get-config",
            new XElement(Nc + "source", new XElement(Nc + "running")),
            new XElement(Nc + "filter", new XAttribute("type", "subtree")));
        DateTime giveUp = DateTime.UtcNow + _options.Ssh.ConnectTimeout;
        while (true)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(FirstReplyWait);
            try
            {
                await RpcAsync(probe, wait.Token).ConfigureAwait(false);
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
                    throw new NetconfException(NetconfError.Timeout, $"{Name} ({_options.Ssh.Host}): no reply to any rpc within {_options.Ssh.ConnectTimeout.TotalSeconds:0.###} s of the hello.", ex);
                }

                // Lost or slow: ask again.
            }
        }
    }
}
