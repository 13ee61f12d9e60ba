using System.Collections.Generic;

namespace NetOpsPS.Sockets.Tests.Framing.Support;

/// <summary>One run of a decoder over a stream: its events, the most bytes it left buffered after a read, and what was left at the end.</summary>
internal sealed record DecodeResult(IReadOnlyList<string> Events, long MostHeld, long LeftAtEnd);
