using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text;

namespace NetOpsPS.Udp;

/// <summary>
/// What Send-UdpDatagram and Send-ReliableUdp share: the target, and the payloads as text (each string
/// UTF-8) or one byte array.
/// </summary>
public abstract class UdpSendCommandBase : UdpCmdlet
{
    /// <summary>Parameter set of -Text, the default.</summary>
    protected const string AsText = "Text";

    /// <summary>Parameter set of -Bytes.</summary>
    protected const string AsBytes = "Bytes";

    /// <summary>Address or host name to send to.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [Alias("RemoteAddress", "Target")]
    [ValidateNotNullOrEmpty]
    public string ComputerName { get; set; } = string.Empty;

    /// <summary>Port to send to.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [Alias("RemotePort")]
    [ValidateRange(1, 65535)]
    public int Port { get; set; }

    /// <summary>Each string is one datagram (Send-UdpDatagram) or one message (Send-ReliableUdp), sent as UTF-8.</summary>
    [Parameter(ParameterSetName = AsText, Mandatory = true, Position = 2, ValueFromPipeline = true)]
    [AllowEmptyString]
    public string[]? Text { get; set; }

    /// <summary>One datagram or message of raw bytes.</summary>
    [Parameter(ParameterSetName = AsBytes, Mandatory = true)]
    public byte[]? Bytes { get; set; }

    /// <summary>The payloads of this pipeline input: the bytes, then each string as UTF-8.</summary>
    protected IEnumerable<byte[]> Payloads()
    {
        if (Bytes is not null)
        {
            yield return Bytes;
        }

        foreach (string text in Text ?? Array.Empty<string>())
        {
            yield return Encoding.UTF8.GetBytes(text);
        }
    }
}
