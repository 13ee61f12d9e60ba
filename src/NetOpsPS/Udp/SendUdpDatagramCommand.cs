using System;
using System.Management.Automation;
using System.Net;
using NetOpsPS.Internal;
using NetOpsPS.Sockets;
using NetOpsPS.Sockets.Udp;

namespace NetOpsPS.Udp;

/// <summary>
/// Send-UdpDatagram: sends text (UTF-8) or bytes as datagrams from one socket. With -ReplyCount it
/// then waits for that many datagrams back from the target per datagram sent (an echo server, a
/// syslog relay, an SNMP agent) and writes those instead of the send reports.
/// </summary>
[Cmdlet(VerbsCommunications.Send, "UdpDatagram", DefaultParameterSetName = AsText)]
[OutputType(typeof(UdpSendResult), typeof(UdpDatagram))]
public sealed class SendUdpDatagramCommand : UdpSendCommandBase
{
    private UdpChannel? _channel;
    private IPEndPoint? _target;

    /// <summary>Local address to send from; the target's family (loopback for a loopback target) when omitted.</summary>
    [Parameter]
    public IPAddress? LocalAddress { get; set; }

    /// <summary>Local port to send from; 0 (the default) lets the system choose.</summary>
    [Parameter]
    [ValidateRange(0, 65535)]
    public int LocalPort { get; set; }

    /// <summary>Datagrams to wait for from the target after each one sent; 0 (the default) waits for none.</summary>
    [Parameter]
    [ValidateRange(0, 1_000_000)]
    public int ReplyCount { get; set; }

    /// <summary>Seconds to wait for the replies of each datagram (the read deadline).</summary>
    [Parameter]
    [ValidateRange(0.001, 86400.0)]
    public double TimeoutSeconds { get; set; } = 5;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        _target = ResolveTarget(ComputerName, Port, "UdpSend");
        if (_target is null)
        {
            return;
        }

        IPEndPoint local = LocalAddress is null ? UdpSockets.AnyFor(_target) : new IPEndPoint(LocalAddress, LocalPort);
        if (LocalAddress is null && LocalPort != 0)
        {
            local.Port = LocalPort;
        }

        try
        {
            _channel = UdpChannel.Open(new UdpChannelOptions { LocalEndPoint = local, Buffers = BufferOptions(), FromAddresses = new[] { _target.Address }, FromPort = _target.Port });
        }
        catch (SocketsException ex)
        {
            ThrowTerminatingError(ErrorRecords.From(ex, "UdpSend", local));
        }

        ReportGrants(_channel!.BufferGrants, $"UDP socket {_channel.LocalEndPoint}");
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (_channel is null || _target is null)
        {
            return;
        }

        foreach (byte[] payload in Payloads())
        {
            Send(payload);
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing() => _channel?.Dispose();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _channel?.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Send(byte[] payload)
    {
        UdpSendResult sent;
        try
        {
            sent = Await(_channel!.SendAsync(_target!, payload, Cancellation));
        }
        catch (SocketsException ex)
        {
            WriteError(ErrorRecords.From(ex, "UdpSend", _target));
            return;
        }

        if (ReplyCount == 0)
        {
            WriteObject(sent);
            return;
        }

        DateTimeOffset deadline = DateTimeOffset.UtcNow.AddSeconds(TimeoutSeconds);
        for (int i = 0; i < ReplyCount; i++)
        {
            if (Await(_channel!.ReceiveAsync(deadline, Cancellation)) is not { } reply)
            {
                WriteError(new ErrorRecord(
                    new TimeoutException($"{i} of {ReplyCount} replies from {_target} arrived within {TimeoutSeconds:0.###} s (UDP may have lost the datagram or the reply)."),
                    "UdpReplyTimeout",
                    ErrorCategory.OperationTimeout,
                    _target));
                return;
            }

            WriteObject(reply);
        }
    }
}
