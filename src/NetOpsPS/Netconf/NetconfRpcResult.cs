using System;
using System.Collections.Generic;
using System.Xml;
using NetOpsPS.Devices.Netconf;

namespace NetOpsPS.Netconf;

/// <summary>An rpc-reply without errors, as Invoke-NetconfRpc, Complete- and Undo-NetconfCommit return it.</summary>
public sealed class NetconfRpcResult
{
    internal NetconfRpcResult(NetconfSession session, string operation, NetconfReply reply)
    {
        Device = session.Name;
        Operation = operation;
        MessageId = reply.MessageId;
        Ok = reply.IsOk;
        Reply = NetconfXml.ToXmlElement(reply.Element);
        Data = reply.Data is { } data ? NetconfXml.ToXmlElement(data) : null;
        Warnings = reply.Warnings;
        Duration = reply.Duration;
    }

    /// <summary>The session's name.</summary>
    public string Device { get; }

    /// <summary>The operation's element name (get-schema, commit...).</summary>
    public string Operation { get; }

    /// <summary>The rpc's message-id.</summary>
    public string MessageId { get; }

    /// <summary>True when the reply is &lt;ok/&gt;.</summary>
    public bool Ok { get; }

    /// <summary>The &lt;data&gt; element, for operations that return data.</summary>
    public XmlElement? Data { get; }

    /// <summary>The whole &lt;rpc-reply&gt;.</summary>
    public XmlElement Reply { get; }

    /// <summary>rpc-errors of severity warning.</summary>
    public IReadOnlyList<NetconfRpcError> Warnings { get; }

    /// <summary>From sending to the whole reply.</summary>
    public TimeSpan Duration { get; }
}
