using System;
using System.Management.Automation;
using NetOpsPS.Internal;
using NetOpsPS.Sockets.Client;

namespace NetOpsPS.Tcp;

/// <summary>Receive-TcpFrame: waits for frames of a session (cut by its codec) and writes each as a TcpFrame.</summary>
[Cmdlet(VerbsCommunications.Receive, "TcpFrame")]
[OutputType(typeof(TcpFrame))]
public sealed class ReceiveTcpFrameCommand : NetOpsCmdlet
{
    /// <summary>The session from Connect-TcpSession.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public TcpClientSession? Session { get; set; }

    /// <summary>How many frames to wait for.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int Count { get; set; } = 1;

    /// <summary>Seconds to wait for each frame; the session's read timeout when omitted.</summary>
    [Parameter]
    [ValidateRange(0.001, 86400.0)]
    public double TimeoutSeconds { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        TcpClientSession session = Session!;
        for (int i = 0; i < Count; i++)
        {
            byte[] data;
            try
            {
                data = TimeoutSeconds > 0
                    ? Await(session.ReceiveFrameAsync(TimeSpan.FromSeconds(TimeoutSeconds), Cancellation).AsTask())
                    : Await(session.ReceiveFrameAsync(Cancellation).AsTask());
            }
            catch (TcpClientSessionException ex)
            {
                WriteError(ErrorRecords.From(ex, session.Name));
                return;
            }

            WriteObject(new TcpFrame(session.Name, data));
        }
    }
}
