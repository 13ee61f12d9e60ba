namespace NetOpsPS.Sockets.Framing;

/// <summary>
/// One framing setting, shared by all the connections of a server or client: each connection asks it
/// for its own decoder (decoders keep per-stream state) and encoder. Options objects are immutable and
/// validated when made, so a connection never fails on a bad setting.
/// </summary>
public abstract class FramingOptions
{
    /// <summary>For derived options.</summary>
    protected FramingOptions()
    {
    }

    /// <summary>A fresh decoder for one stream.</summary>
    public abstract IFrameDecoder CreateDecoder();

    /// <summary>An encoder writing frames the decoder of these options reads back.</summary>
    public abstract IFrameEncoder CreateEncoder();

    /// <summary>The settings in one line, for logs and the session object.</summary>
    public abstract string Describe();

    /// <inheritdoc/>
    public override string ToString() => Describe();
}
