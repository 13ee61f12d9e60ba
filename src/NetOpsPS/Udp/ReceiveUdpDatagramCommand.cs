using System;
using System.Management.Automation;
using System.Net;
using NetOpsPS.Internal;
using NetOpsPS.Sockets;
using NetOpsPS.Sockets.Udp;

namespace NetOpsPS.Udp;

/// <summary>
/// Receive-UdpDatagram: binds a port and writes each datagram as it arrives, until -Count datagrams,
/// the -TimeoutSeconds read deadline, or Ctrl+C. -From and -FromPort keep only chosen senders.
/// </summary>
[Cmdlet(VerbsCommunications.Receive, "UdpDatagram")]
[OutputType(typeof(UdpDatagram))]
public sealed class ReceiveUdpDatagramCommand : UdpCmdlet
{
    /// <summary>Local port to bind; 0 lets the system choose (see -Verbose for which).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateRange(0, 65535)]
    public int Port { get; set; }

    /// <summary>Local address to bind: 127.0.0.1 by default; ::1, 0.0.0.0 or :: as needed.</summary>
    [Parameter]
    [Alias("LocalAddress")]
    [ValidateNotNull]
    public IPAddress Address { get; set; } = IPAddress.Loopback;

    /// <summary>Datagrams to receive before returning; 0 receives until the deadline or Ctrl+C.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int Count { get; set; } = 1;

    /// <summary>Seconds until the read deadline; 0 (the default) waits without one. Fewer than -Count datagrams by then is a UdpReceiveTimeout error.</summary>
    [Parameter]
    [ValidateRange(0.0, 86400.0)]
    public double TimeoutSeconds { get; set; }

    /// <summary>Keep only datagrams from these addresses.</summary>
    [Parameter]
    [ValidateNotNull]
    public IPAddress[]? From { get; set; }

    /// <summary>Keep only datagrams from this source port.</summary>
    [Parameter]
    [ValidateRange(1, 65535)]
    public int FromPort { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var local = new IPEndPoint(Address, Port);
        UdpChannel channel;
        try
        {
            channel = UdpChannel.Open(new UdpChannelOptions { LocalEndPoint = local, Buffers = BufferOptions(), FromAddresses = From ?? Array.Empty<IPAddress>(), FromPort = FromPort });
        }
        catch (SocketsException ex)
        {
            WriteError(ErrorRecords.From(ex, "UdpReceive", local));
            return;
        }

        using (channel)
        {
            ReportGrants(channel.BufferGrants, $"UDP socket {channel.LocalEndPoint}");
            WriteVerbose($"Receiving on {channel.LocalEndPoint}.");
            DateTimeOffset? deadline = TimeoutSeconds > 0 ? DateTimeOffset.UtcNow.AddSeconds(TimeoutSeconds) : null;
            var progress = new ProgressRecord(1, "Receive-UdpDatagram", $"Receiving on {channel.LocalEndPoint}");
            int received = 0;
            while (Count == 0 || received < Count)
            {
                if (Await(channel.ReceiveAsync(deadline, Cancellation)) is not { } datagram)
                {
                    break;
                }

                received++;
                WriteObject(datagram);
                if (Count > 1)
                {
                    progress.PercentComplete = (int)(100L * received / Count);
                    progress.StatusDescription = $"{received} of {Count} datagrams";
                    WriteProgress(progress);
                }
            }

            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
            if (channel.Filtered > 0)
            {
                WriteVerbose($"{channel.Filtered} datagram(s) from other senders were skipped.");
            }

            if (Count > 0 && received < Count)
            {
                WriteError(new ErrorRecord(
                    new TimeoutException($"{received} of {Count} datagrams arrived on {channel.LocalEndPoint} within {TimeoutSeconds:0.###} s."),
                    "UdpReceiveTimeout",
                    ErrorCategory.OperationTimeout,
                    channel.LocalEndPoint));
            }
        }
    }
}
