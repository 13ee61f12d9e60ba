using System;

namespace NetOpsPS.Sockets.Client;

/// <summary>One entry of a session's bounded event log.</summary>
/// <param name="Timestamp">When it happened, on the session's clock.</param>
/// <param name="Kind">What kind of event.</param>
/// <param name="Message">A readable account.</param>
public sealed record TcpClientSessionEvent(DateTimeOffset Timestamp, TcpClientSessionEventKind Kind, string Message);
