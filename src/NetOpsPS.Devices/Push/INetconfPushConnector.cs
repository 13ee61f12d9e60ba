using System.Threading;
using System.Threading.Tasks;

namespace NetOpsPS.Devices.Push;

/// <summary>Opens the NETCONF session of one device; host key policy and credentials are the connector's.</summary>
public interface INetconfPushConnector
{
    /// <summary>Connects and exchanges hellos.</summary>
    Task<INetconfPushSession> ConnectAsync(PushRequest device, CancellationToken cancellationToken);
}
