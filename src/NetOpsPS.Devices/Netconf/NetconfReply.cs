using System;
using System.Collections.Generic;
using System.Xml.Linq;

namespace NetOpsPS.Devices.Netconf;

/// <summary>An &lt;rpc-reply&gt; without errors of severity error (those throw <see cref="NetconfRpcException"/>).</summary>
public sealed class NetconfReply
{
    internal NetconfReply(string messageId, XElement element, IReadOnlyList<NetconfRpcError> warnings, TimeSpan duration)
    {
        MessageId = messageId;
        Element = element;
        Warnings = warnings;
        Duration = duration;
    }

    /// <summary>The message-id the reply answers.</summary>
    public string MessageId { get; }

    /// <summary>The whole &lt;rpc-reply&gt;.</summary>
    public XElement Element { get; }

    /// <summary>True when the reply is &lt;ok/&gt;.</summary>
    public bool IsOk => Element.Element(XName.Get("ok", NetconfNamespaces.Base)) is not null;

    /// <summary>The &lt;data&gt; element of get and get-config, or null.</summary>
    public XElement? Data => Element.Element(XName.Get("data", NetconfNamespaces.Base));

    /// <summary>rpc-errors of severity warning.</summary>
    public IReadOnlyList<NetconfRpcError> Warnings { get; }

    /// <summary>From sending the rpc to the whole reply.</summary>
    public TimeSpan Duration { get; }

    /// <inheritdoc />
    public override string ToString() => Element.ToString(SaveOptions.DisableFormatting);
}
