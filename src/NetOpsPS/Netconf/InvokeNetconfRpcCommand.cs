using System.Management.Automation;
using System.Xml.Linq;
using NetOpsPS.Devices.Netconf;

namespace NetOpsPS.Netconf;

/// <summary>
/// Invoke-NetconfRpc: any RPC (get-schema, kill-session, a vendor's or a YANG-defined action) as XML; elements
/// without a namespace are in the NETCONF base namespace. rpc-errors become typed ErrorRecords.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "NetconfRpc")]
[OutputType(typeof(NetconfRpcResult))]
public sealed class InvokeNetconfRpcCommand : NetconfSessionCommandBase
{
    private XElement? _operation;

    /// <summary>The operation: XML text, an XmlDocument or XmlElement, or an XElement; an &lt;rpc&gt; wrapper is optional.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNull]
    public object? Rpc { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        try
        {
            _operation = NetconfXml.ToConfig(Rpc is PSObject wrapped ? wrapped.BaseObject : Rpc!, "the rpc");
        }
        catch (NetconfException ex)
        {
            ThrowTerminatingError(NetconfErrors.From(ex, "Rpc"));
        }
    }

    /// <inheritdoc />
    protected override void ProcessRecord() => ForEachSession(session =>
    {
        NetconfReply reply = Await(session.RpcAsync(_operation!, Cancellation));
        WriteObject(new NetconfRpcResult(session, _operation!.Name.LocalName, reply));
    });
}
