using System;
using System.Net;
using System.Net.Sockets;
using DnsClient;

namespace NetOpsPS.Sockets.DnsTools.Internal;

/// <summary>Our options in DnsClient's terms, and DnsClient's failures in ours.</summary>
internal static class ClientOptions
{
    public static LookupClientOptions For(IPEndPoint server, DnsQueryOptions options, bool tcpOnly) =>
        Apply(new LookupClientOptions(new NameServer(server)), options, tcpOnly);

    public static DnsQueryAndServerOptions Query(IPEndPoint server, DnsQueryOptions options, bool tcpOnly) =>
        Apply(new DnsQueryAndServerOptions(new NameServer(server)), options, tcpOnly);

    private static T Apply<T>(T target, DnsQueryOptions options, bool tcpOnly)
        where T : DnsClient.DnsQueryOptions
    {
        target.UseCache = false;
        target.EnableAuditTrail = false;
        target.Retries = options.Retries;
        target.Timeout = options.Timeout;
        target.Recursion = options.RecursionDesired;
        // NXDOMAIN, REFUSED, SERVFAIL are results: keep the response, do not move on to another server.
        target.ThrowDnsErrors = false;
        target.ContinueOnDnsError = false;
        target.ContinueOnEmptyResponse = false;
        // The fallback is ours (DnsResolver), so the result can tell that it happened.
        target.UseTcpFallback = false;
        target.UseTcpOnly = tcpOnly;
        target.ExtendedDnsBufferSize = Math.Max(512, options.EdnsBufferSize);
        return target;
    }

    /// <summary>
    /// DnsClient 1.8.0 with its fallback off throws this (code Unassigned, this text) for a TC answer over
    /// UDP; the big-TXT test pins the text, so an upgrade that changes it fails there, not silently.
    /// </summary>
    public static bool IsTruncation(DnsResponseException ex, DnsQueryAndServerOptions options) =>
        !options.UseTcpOnly && ex.Code == DnsResponseCode.Unassigned && ex.Message.Contains("truncated", StringComparison.OrdinalIgnoreCase);

    public static DnsQueryException Classify(DnsResponseException ex, IPEndPoint server, DnsQueryAndServerOptions options)
    {
        string transport = options.UseTcpOnly ? "TCP" : "UDP";
        if (Find<SocketException>(ex) is { SocketErrorCode: SocketError.ConnectionRefused or SocketError.ConnectionReset })
        {
            return new DnsQueryException(DnsQueryError.Unreachable, $"Nothing answers DNS on {server} over {transport} (port closed).", ex);
        }

        return ex.Code switch
        {
            DnsResponseCode.ConnectionTimeout => new DnsQueryException(
                DnsQueryError.TimedOut,
                $"No answer from {server} over {transport} within {options.Timeout.TotalSeconds:0.###} s after {options.Retries + 1} attempt(s).",
                ex),
            DnsResponseCode.FormatError or DnsResponseCode.Unassigned when Find<DnsResponseParseException>(ex) is not null => new DnsQueryException(
                DnsQueryError.Malformed, $"The answer from {server} could not be parsed: {ex.Message}", ex),
            _ => new DnsQueryException(DnsQueryError.Unknown, $"The query to {server} failed: {ex.Message}", ex),
        };
    }

    private static T? Find<T>(Exception ex)
        where T : Exception
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }
}
