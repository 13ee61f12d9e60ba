using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using DnsClient;
using NetOpsPS.Sockets.DnsTools.Internal;

namespace NetOpsPS.Sockets.DnsTools;

/// <summary>
/// A stub resolver over DnsClient (wire format, EDNS(0), ids, retries, every record type asked for).
/// The TCP fallback is done here, not inside DnsClient, so the result can say that the UDP answer was
/// truncated and which transport the records came by (RFC 7766 §5: a TC answer is asked again over
/// TCP): DnsClient either retries silently or, with its fallback off, throws instead of returning the
/// truncated answer.
/// </summary>
public static class DnsResolver
{
    /// <summary>Asks <paramref name="options"/>.Server for <paramref name="name"/> of <paramref name="type"/>.</summary>
    /// <exception cref="DnsQueryException">No response: timeout, unreachable, malformed, or a bad name.</exception>
    public static async Task<DnsQueryResult> QueryAsync(string name, DnsRecordType type, DnsQueryOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(options);
        DnsQuestion question;
        try
        {
            question = new DnsQuestion(name, (QueryType)(int)type, QueryClass.IN);
        }
        catch (ArgumentException ex)
        {
            throw new DnsQueryException(DnsQueryError.InvalidName, $"'{name}' is not a valid domain name: {ex.Message}", ex);
        }

        var server = new IPEndPoint(options.Server, options.Port);
        var client = new LookupClient(ClientOptions.For(server, options, tcpOnly: false));
        bool truncatedOverUdp = false;
        if (!options.TcpOnly)
        {
            (IDnsQueryResponse? udp, TimeSpan udpRtt) = await ExchangeAsync(client, question, ClientOptions.Query(server, options, tcpOnly: false), server, cancellationToken)
                .ConfigureAwait(false);
            if (udp is not null)
            {
                return DnsResponseMapper.ToResult(question, type, server, DnsTransport.Udp, truncatedOverUdp: false, udpRtt, udp);
            }

            truncatedOverUdp = true;
        }

        (IDnsQueryResponse? tcp, TimeSpan rtt) = await ExchangeAsync(client, question, ClientOptions.Query(server, options, tcpOnly: true), server, cancellationToken)
            .ConfigureAwait(false);
        return DnsResponseMapper.ToResult(question, type, server, DnsTransport.Tcp, truncatedOverUdp, rtt, tcp!);
    }

    /// <summary>The PTR query for an address: d.c.b.a.in-addr.arpa or the nibbles under ip6.arpa (RFC 3596 §2.5).</summary>
    public static Task<DnsQueryResult> ReverseAsync(IPAddress address, DnsQueryOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        return QueryAsync(ReverseName(address), DnsRecordType.PTR, options, cancellationToken);
    }

    /// <summary>The name servers this machine is configured with (/etc/resolv.conf, or the adapters' on Windows).</summary>
    public static IReadOnlyList<IPEndPoint> SystemServers() =>
        NameServer.ResolveNameServers(skipIPv6SiteLocal: true, fallbackToGooglePublicDns: false).Select(n => new IPEndPoint(IPAddress.Parse(n.Address), n.Port)).ToArray();

    /// <summary>The reverse-lookup name of an address, with the trailing dot.</summary>
    public static string ReverseName(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).GetArpaName();
    }

    // The response, or null when DnsClient reports a truncated UDP answer (it keeps no truncated response for us).
    private static async Task<(IDnsQueryResponse? Response, TimeSpan Rtt)> ExchangeAsync(
        LookupClient client, DnsQuestion question, DnsQueryAndServerOptions queryOptions, IPEndPoint server, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        try
        {
            IDnsQueryResponse response = await client.QueryAsync(question, queryOptions, cancellationToken).ConfigureAwait(false);
            return (response, Stopwatch.GetElapsedTime(started));
        }
        catch (DnsResponseException ex) when (ClientOptions.IsTruncation(ex, queryOptions))
        {
            return (null, Stopwatch.GetElapsedTime(started));
        }
        catch (DnsResponseException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw ClientOptions.Classify(ex, server, queryOptions);
        }
    }
}
