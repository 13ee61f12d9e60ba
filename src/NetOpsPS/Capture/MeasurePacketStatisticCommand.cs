using System;
using System.Linq;
using System.Management.Automation;
using NetOpsPS.Capture.Statistics;
using NetOpsPS.Internal;

namespace NetOpsPS.Capture.Cmdlets;

/// <summary>Which table Measure-PacketStatistic returns.</summary>
public enum PacketStatisticView
{
    /// <summary>Protocol hierarchy (tshark -z io,phs).</summary>
    ProtocolHierarchy,

    /// <summary>Conversations, both directions in one row (tshark -z conv).</summary>
    Conversation,

    /// <summary>Endpoints by IP address, the top talkers (tshark -z endpoints,ip).</summary>
    Endpoint,

    /// <summary>Packets and bytes per second (tshark -z io,stat,1).</summary>
    Rate,
}

/// <summary>
/// Measure-PacketStatistic: protocol hierarchy, conversations, top talkers or per-second rates over packets
/// from the pipeline or capture files, as objects (tshark's -z views).
/// </summary>
[Cmdlet(VerbsDiagnostic.Measure, "PacketStatistic", DefaultParameterSetName = InputSet)]
[OutputType(typeof(ProtocolHierarchyEntry), typeof(ConversationStatistic), typeof(EndpointStatistic), typeof(PacketRateSample))]
public sealed class MeasurePacketStatisticCommand : NetOpsCmdlet
{
    private const string InputSet = "InputObject";
    private const string PathSet = "Path";
    private readonly PacketStatistics _statistics = new();

    /// <summary>Packets to measure, from Read-PcapFile or Watch-Packet.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputSet)]
    [ValidateNotNull]
    public CapturedPacket? InputObject { get; set; }

    /// <summary>Capture files to measure instead of pipeline input; wildcards allowed.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = Array.Empty<string>();

    /// <summary>The table to return.</summary>
    [Parameter]
    public PacketStatisticView View { get; set; } = PacketStatisticView.ProtocolHierarchy;

    /// <summary>Return only the first rows (conversations and endpoints are sorted by bytes, largest first).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int Top { get; set; } = int.MaxValue;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == InputSet)
        {
            _statistics.Add(InputObject!);
            return;
        }

        foreach (string file in CaptureFilePaths.Resolve(this, Path, literal: false))
        {
            CaptureFileReading.Read(this, file, Cancellation, _statistics.Add);
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        WriteVerbose($"{_statistics.Packets} packets, {_statistics.Bytes} bytes measured.");
        System.Collections.IEnumerable rows = View switch
        {
            PacketStatisticView.Conversation => _statistics.Conversations().Take(Top),
            PacketStatisticView.Endpoint => _statistics.Endpoints().Take(Top),
            PacketStatisticView.Rate => _statistics.Rates().Take(Top),
            _ => _statistics.ProtocolHierarchy().Take(Top),
        };
        WriteObject(rows, enumerateCollection: true);
    }
}
