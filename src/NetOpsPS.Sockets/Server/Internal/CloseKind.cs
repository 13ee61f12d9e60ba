namespace NetOpsPS.Sockets.Server.Internal;

/// <summary>Why a connection ended, as a metric tag and a log kind.</summary>
internal static class CloseKind
{
    public const string Client = "client";
    public const string Stopped = "stopped";
    public const string IdleTimeout = "idle_timeout";
    public const string ReadTimeout = "read_timeout";
    public const string WriteTimeout = "write_timeout";
    public const string Heartbeat = "heartbeat";
    public const string Framing = "framing";
    public const string Error = "error";
}
