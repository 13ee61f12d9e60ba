using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Reliable;

namespace NetOpsPS.Udp;

/// <summary>
/// Send-ReliableUdp: sends the piped strings (or one byte array) to a reliable UDP listener as one
/// transfer, complete and in order, and writes the transfer's counters. A transfer that fails (retries
/// exhausted, listener restarted) is a non-terminating error whose exception carries how far it got.
/// </summary>
[Cmdlet(VerbsCommunications.Send, "ReliableUdp", DefaultParameterSetName = AsText)]
[OutputType(typeof(ReliableUdpTransferResult))]
public sealed class SendReliableUdpCommand : UdpSendCommandBase
{
    private readonly List<ReadOnlyMemory<byte>> _messages = new();

    /// <summary>Largest datagram, this protocol's 22-byte header included; bigger messages are fragmented.</summary>
    [Parameter]
    [ValidateRange(64, 65507)]
    public int MaxDatagramSize { get; set; } = 1200;

    /// <summary>Most packets in flight.</summary>
    [Parameter]
    [ValidateRange(1, 32768)]
    public int Window { get; set; } = 64;

    /// <summary>Retransmissions of one packet before the transfer fails.</summary>
    [Parameter]
    [ValidateRange(0, 100)]
    public int MaxRetries { get; set; } = 10;

    /// <summary>Lower bound of the retransmission timeout, in milliseconds.</summary>
    [Parameter]
    [ValidateRange(1, 60000)]
    public int MinRtoMilliseconds { get; set; } = 200;

    /// <summary>Upper bound of the retransmission timeout, in milliseconds.</summary>
    [Parameter]
    [ValidateRange(1, 600000)]
    public int MaxRtoMilliseconds { get; set; } = 60000;

    /// <summary>Retransmission timeout before the first RTT sample, in milliseconds.</summary>
    [Parameter]
    [ValidateRange(1, 600000)]
    public int InitialRtoMilliseconds { get; set; } = 1000;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (byte[] payload in Payloads())
        {
            _messages.Add(payload);
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (ResolveTarget(ComputerName, Port, "ReliableUdp") is not { } target)
        {
            return;
        }

        var options = new ReliableUdpOptions
        {
            MaxDatagramSize = MaxDatagramSize,
            Window = Window,
            MaxRetries = MaxRetries,
            MinRto = TimeSpan.FromMilliseconds(MinRtoMilliseconds),
            MaxRto = TimeSpan.FromMilliseconds(Math.Max(MinRtoMilliseconds, MaxRtoMilliseconds)),
            InitialRto = TimeSpan.FromMilliseconds(InitialRtoMilliseconds),
            Buffers = BufferOptions(),
        };
        WriteVerbose($"Sending {_messages.Count} message(s) to {target}: window {Window}, MaxDatagramSize {MaxDatagramSize}, MaxRetries {MaxRetries}.");
        var latest = new LatestProgress();
        Task<ReliableUdpTransferResult> transfer = ReliableUdpSender.SendAsync(target, _messages, options, latest, Cancellation);
        var record = new ProgressRecord(2, "Send-ReliableUdp", $"Sending {_messages.Count} message(s) to {target}");
        try
        {
            while (!transfer.Wait(200, Cancellation))
            {
                ReliableUdpProgress now = latest.Value;
                record.PercentComplete = now.Messages == 0 ? 0 : (int)(100L * now.MessagesAcknowledged / now.Messages);
                record.StatusDescription = $"{now.MessagesAcknowledged} of {now.Messages} acknowledged, {now.Retransmissions} retransmitted";
                WriteProgress(record);
            }
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }
        catch (AggregateException)
        {
            // The transfer's own exception is taken below.
        }

        record.RecordType = ProgressRecordType.Completed;
        WriteProgress(record);
        ReliableUdpTransferResult result;
        try
        {
            result = Await(transfer);
        }
        catch (ReliableUdpException ex)
        {
            WriteError(ReliableUdpErrors.From(ex, target));
            return;
        }

        ReportGrants(result.BufferGrants, $"UDP socket {result.LocalEndPoint}");
        WriteVerbose($"Session {result.SessionId:x8}, listener epoch {result.Epoch:x8}: {result.PacketsSent} packet(s) sent for {result.DataPackets}, SRTT {result.SmoothedRtt.TotalMilliseconds:0.###} ms.");
        WriteObject(result);
    }

    /// <summary>Keeps the last report; the pipeline thread reads it between waits.</summary>
    private sealed class LatestProgress : IProgress<ReliableUdpProgress>
    {
        private readonly object _lock = new();
        private ReliableUdpProgress _value;

        public ReliableUdpProgress Value
        {
            get
            {
                lock (_lock)
                {
                    return _value;
                }
            }
        }

        public void Report(ReliableUdpProgress value)
        {
            lock (_lock)
            {
                _value = value;
            }
        }
    }
}
