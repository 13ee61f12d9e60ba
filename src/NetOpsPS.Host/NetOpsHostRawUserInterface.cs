using System;
using System.IO;
using System.Management.Automation.Host;

namespace NetOpsPS.Host;

/// <summary>
/// The screen as the formatter sees it: only the width matters, because Out-Default lays tables
/// out to BufferSize.Width. A terminal gives its own width; redirected output (a log, a pipe, a CI
/// job) gets 120 columns, the width the module's views are designed to fit. There is no screen
/// buffer to read or scroll, and no keyboard.
/// </summary>
internal sealed class NetOpsHostRawUserInterface : PSHostRawUserInterface
{
    private const int RedirectedWidth = 120;

    // Tall enough that nothing pages; the formatter never uses the height of a stream.
    private const int StreamHeight = 9999;

    private readonly int _width;

    public NetOpsHostRawUserInterface(bool outputIsTerminal)
    {
        _width = outputIsTerminal ? TerminalWidth() : RedirectedWidth;
    }

    public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;

    public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;

    public override Size BufferSize
    {
        get => new(_width, StreamHeight);
        set { /* A stream has no buffer to resize. */ }
    }

    public override Coordinates CursorPosition
    {
        get => new(0, 0);
        set { /* Nothing to move on a stream. */ }
    }

    public override int CursorSize { get; set; } = 25;

    public override Coordinates WindowPosition
    {
        get => new(0, 0);
        set { /* Nothing to move on a stream. */ }
    }

    public override Size WindowSize
    {
        get => new(_width, StreamHeight);
        set { /* A stream has no window to resize. */ }
    }

    public override Size MaxWindowSize => new(_width, StreamHeight);

    public override Size MaxPhysicalWindowSize => new(_width, StreamHeight);

    public override bool KeyAvailable => false;

    public override string WindowTitle { get; set; } = "netops";

    public override void FlushInputBuffer()
    {
        // No keyboard input is ever read.
    }

    public override KeyInfo ReadKey(ReadKeyOptions options) => throw HostPromptUnavailableException.For("Read a key");

    public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw NoScreenBuffer();

    public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) => throw NoScreenBuffer();

    public override void SetBufferContents(Rectangle rectangle, BufferCell fill) => throw NoScreenBuffer();

    public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) =>
        throw NoScreenBuffer();

    private static NotSupportedException NoScreenBuffer() =>
        new("netops writes plain streams: there is no screen buffer to read or change.");

    private static int TerminalWidth()
    {
        try
        {
            int width = Console.WindowWidth;
            return width > 0 ? width : RedirectedWidth;
        }
        catch (IOException)
        {
            // A terminal that does not report its size.
            return RedirectedWidth;
        }
    }
}
