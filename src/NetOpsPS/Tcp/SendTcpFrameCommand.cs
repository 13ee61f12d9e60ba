using System.Management.Automation;
using System.Text;
using NetOpsPS.Internal;
using NetOpsPS.Sockets.Client;

namespace NetOpsPS.Tcp;

/// <summary>Send-TcpFrame: sends text (UTF-8) or bytes as frames of a session, framed by its codec.</summary>
[Cmdlet(VerbsCommunications.Send, "TcpFrame", DefaultParameterSetName = AsText)]
[OutputType(typeof(TcpClientSession))]
public sealed class SendTcpFrameCommand : NetOpsCmdlet
{
    private const string AsText = "Text";
    private const string AsBytes = "Bytes";

    /// <summary>The session from Connect-TcpSession; from the pipeline too, so `$session | Send-TcpFrame -Text x -PassThru | Receive-TcpFrame` reads well.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public TcpClientSession? Session { get; set; }

    /// <summary>Each string is one frame, sent as UTF-8 (the codec adds its delimiter or length).</summary>
    [Parameter(ParameterSetName = AsText, Mandatory = true, Position = 1, ValueFromPipeline = true)]
    [AllowEmptyString]
    public string[]? Text { get; set; }

    /// <summary>One frame of raw bytes.</summary>
    [Parameter(ParameterSetName = AsBytes, Mandatory = true)]
    public byte[]? Bytes { get; set; }

    /// <summary>Write the session to the pipeline after sending.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        TcpClientSession session = Session!;
        try
        {
            if (Bytes is not null)
            {
                Await(session.SendFrameAsync(Bytes, Cancellation).AsTask());
            }

            foreach (string text in Text ?? System.Array.Empty<string>())
            {
                Await(session.SendFrameAsync(Encoding.UTF8.GetBytes(text), Cancellation).AsTask());
            }
        }
        catch (TcpClientSessionException ex)
        {
            WriteError(ErrorRecords.From(ex, session.Name));
            return;
        }
        catch (Sockets.Framing.FramingException ex)
        {
            WriteError(new ErrorRecord(ex, "TcpFrameUnencodable", ErrorCategory.InvalidData, session.Name));
            return;
        }

        if (PassThru)
        {
            WriteObject(session);
        }
    }
}
