using System;
using System.Linq;
using System.Management.Automation;
using System.Text;
using NetOpsPS.Sockets.Framing;

namespace NetOpsPS.Tcp;

/// <summary>
/// New-TcpFraming: a framing codec for Start-TcpServer and Connect-TcpSession: lines, delimiters,
/// fixed length, or a length field with every parameter of Netty's LengthFieldBasedFrameDecoder.
/// </summary>
[Cmdlet(VerbsCommon.New, "TcpFraming", DefaultParameterSetName = Line)]
[OutputType(typeof(FramingOptions))]
public sealed class NewTcpFramingCommand : Internal.NetOpsCmdlet
{
    private const string Line = "Line";
    private const string Delimited = "Delimiter";
    private const string Fixed = "FixedLength";
    private const string LengthPrefixed = "LengthField";

    /// <summary>Frames end at LF or CRLF (the default kind).</summary>
    [Parameter(ParameterSetName = Line)]
    public SwitchParameter Lines { get; set; }

    /// <summary>With -Lines, what the encoder appends: Lf or CrLf.</summary>
    [Parameter(ParameterSetName = Line)]
    public LineEnding LineEnding { get; set; } = LineEnding.Lf;

    /// <summary>Frames end at any of these byte sequences (UTF-8 text; "`r`n" for CRLF). The shortest frame wins.</summary>
    [Parameter(ParameterSetName = Delimited, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string[]? Delimiter { get; set; }

    /// <summary>Frames of exactly this many bytes.</summary>
    [Parameter(ParameterSetName = Fixed, Mandatory = true)]
    [ValidateRange(1, int.MaxValue)]
    public int FixedLength { get; set; }

    /// <summary>Frames carry their length in a field of this many bytes: 1, 2, 3, 4 or 8.</summary>
    [Parameter(ParameterSetName = LengthPrefixed, Mandatory = true)]
    [ValidateSet("1", "2", "3", "4", "8")]
    public int LengthFieldLength { get; set; }

    /// <summary>Bytes before the length field.</summary>
    [Parameter(ParameterSetName = LengthPrefixed)]
    [ValidateRange(0, int.MaxValue)]
    public int LengthFieldOffset { get; set; }

    /// <summary>Added to the field's value to get the bytes that follow the field (negative when the field counts its header).</summary>
    [Parameter(ParameterSetName = LengthPrefixed)]
    public int LengthAdjustment { get; set; }

    /// <summary>Bytes cut from the front of each decoded frame (the header, typically).</summary>
    [Parameter(ParameterSetName = LengthPrefixed)]
    [ValidateRange(0, int.MaxValue)]
    public int InitialBytesToStrip { get; set; }

    /// <summary>The length field is little-endian (big-endian, network order, by default).</summary>
    [Parameter(ParameterSetName = LengthPrefixed)]
    public SwitchParameter LittleEndian { get; set; }

    /// <summary>Longest frame accepted, in bytes; a longer one is an error that closes the connection.</summary>
    [Parameter(ParameterSetName = Line)]
    [Parameter(ParameterSetName = Delimited)]
    [Parameter(ParameterSetName = LengthPrefixed)]
    [ValidateRange(1, int.MaxValue)]
    public int MaxLength { get; set; } = 64 * 1024;

    /// <summary>Keep the line ending or delimiter at the end of each frame (stripped by default).</summary>
    [Parameter(ParameterSetName = Line)]
    [Parameter(ParameterSetName = Delimited)]
    public SwitchParameter KeepDelimiter { get; set; }

    /// <summary>Report an over-long frame as soon as it is known to be too long, not after it has been read (on by default except for lines, as in Netty).</summary>
    [Parameter(ParameterSetName = Line)]
    [Parameter(ParameterSetName = Delimited)]
    [Parameter(ParameterSetName = LengthPrefixed)]
    public SwitchParameter FailFast { get; set; }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        try
        {
            WriteObject(Create());
        }
        catch (ArgumentException ex)
        {
            ThrowTerminatingError(new ErrorRecord(ex, "TcpFramingInvalid", ErrorCategory.InvalidArgument, ParameterSetName));
        }
    }

    private FramingOptions Create()
    {
        bool failFast(bool byDefault) => MyInvocation.BoundParameters.ContainsKey(nameof(FailFast)) ? FailFast.IsPresent : byDefault;
        return ParameterSetName switch
        {
            Delimited => new DelimiterFramingOptions(MaxLength, Delimiter!.Select(Encoding.UTF8.GetBytes), !KeepDelimiter, failFast(true)),
            Fixed => new FixedLengthFramingOptions(FixedLength),
            LengthPrefixed => new LengthFieldFramingOptions(MaxLength, LengthFieldOffset, LengthFieldLength, LengthAdjustment, InitialBytesToStrip,
                LittleEndian ? ByteOrder.LittleEndian : ByteOrder.BigEndian, failFast(true)),
            _ => new LineFramingOptions(MaxLength, !KeepDelimiter, failFast(false), LineEnding),
        };
    }
}
