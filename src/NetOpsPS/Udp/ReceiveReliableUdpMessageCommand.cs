using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using NetOpsPS.Internal;
using NetOpsPS.Sockets.Reliable;

namespace NetOpsPS.Udp;

/// <summary>
/// Receive-ReliableUdpMessage: takes delivered messages from a listener's inbox, in order. Without
/// -Count it takes what is waiting now; with -Count it waits (up to -TimeoutSeconds) for that many.
/// </summary>
[Cmdlet(VerbsCommunications.Receive, "ReliableUdpMessage", DefaultParameterSetName = ByListener)]
[OutputType(typeof(ReliableUdpMessage))]
public sealed class ReceiveReliableUdpMessageCommand : NetOpsCmdlet
{
    private const string ByListener = "ByListener";
    private const string ByName = "ByName";

    /// <summary>The listener from Start-ReliableUdpListener or Get-UdpServer.</summary>
    [Parameter(ParameterSetName = ByListener, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public ReliableUdpListener? Listener { get; set; }

    /// <summary>The listener's name.</summary>
    [Parameter(ParameterSetName = ByName, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>Messages to wait for; 0 (the default) takes only what is waiting now.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int Count { get; set; }

    /// <summary>Seconds to wait for -Count messages; fewer by then is a ReliableUdpReceiveTimeout error.</summary>
    [Parameter]
    [ValidateRange(0.001, 86400.0)]
    public double TimeoutSeconds { get; set; } = 10;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        ReliableUdpListener? listener = Listener ?? Find();
        if (listener is null)
        {
            return;
        }

        if (Count == 0)
        {
            while (listener.TryReceive(out ReliableUdpMessage? waiting))
            {
                WriteObject(waiting);
            }

            return;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        deadline.CancelAfter(TimeSpan.FromSeconds(TimeoutSeconds));
        for (int received = 0; received < Count; received++)
        {
            ReliableUdpMessage message;
            try
            {
                message = Await(listener.ReceiveAsync(deadline.Token).AsTask());
            }
            catch (OperationCanceledException) when (Cancellation.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (Exception ex) when (ex is OperationCanceledException or System.Threading.Channels.ChannelClosedException)
            {
                string why = ex is OperationCanceledException ? $"within {TimeoutSeconds:0.###} s" : "before the listener stopped";
                WriteError(new ErrorRecord(new TimeoutException($"{received} of {Count} messages arrived at {listener.Name} {why}."), "ReliableUdpReceiveTimeout", ErrorCategory.OperationTimeout, listener.Name));
                return;
            }

            WriteObject(message);
        }
    }

    private ReliableUdpListener? Find()
    {
        ReliableUdpListener? listener = Registries.UdpServers.All.OfType<ReliableUdpListener>()
            .FirstOrDefault(l => string.Equals(l.Name, Name, StringComparison.OrdinalIgnoreCase));
        if (listener is null)
        {
            WriteError(ErrorRecords.NotFound("ReliableUdpListenerNotFound", $"No reliable UDP listener named '{Name}'.", Name!));
        }

        return listener;
    }
}
