using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Net;
using NetOpsPS.Internal;
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
    private const int ProgressActivityId = 2;
    private const string Activity = "Send-ReliableUdp";
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
        using var bridge = new PipelineBridge(1, Cancellation);
        IProgress<ReliableUdpProgress> progress = bridge.Progress<ReliableUdpProgress>(now => new ProgressRecord(ProgressActivityId, Activity, $"{now.MessagesAcknowledged} of {now.Messages} acknowledged, {now.Retransmissions} retransmitted")
        {
            PercentComplete = now.Messages == 0 ? 0 : (int)(100L * now.MessagesAcknowledged / now.Messages),
        });
        bridge.Start(
            this,
            async token =>
            {
                ReliableUdpTransferResult result;
                try
                {
                    result = await ReliableUdpSender.SendAsync(target, _messages, options, progress, token).ConfigureAwait(false);
                }
                finally
                {
                    // Queued before the result or the error: the bar goes away either way.
                    bridge.Post(c => c.WriteProgress(new ProgressRecord(ProgressActivityId, Activity, $"Sending {_messages.Count} message(s) to {target}") { RecordType = ProgressRecordType.Completed }));
                }

                bridge.Post(_ => WriteResult(result));
            },
            ex => ex is ReliableUdpException reliable ? ReliableUdpErrors.From(reliable, target) : ErrorRecords.Unexpected(ex, "ReliableUdp", target));
        bridge.WriteUntilDone(this);
    }

    private void WriteResult(ReliableUdpTransferResult result)
    {
        ReportGrants(result.BufferGrants, $"UDP socket {result.LocalEndPoint}");
        WriteVerbose($"Session {result.SessionId:x8}, listener epoch {result.Epoch:x8}: {result.PacketsSent} packet(s) sent for {result.DataPackets}, SRTT {result.SmoothedRtt.TotalMilliseconds:0.###} ms.");
        WriteObject(result);
    }
}
