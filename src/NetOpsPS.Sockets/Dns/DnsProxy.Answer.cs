using System;
using System.Threading.Tasks;
using NetOpsPS.Sockets.DnsTools.Internal;

namespace NetOpsPS.Sockets.DnsTools;

/// <summary>What the proxy answers, the same for UDP and TCP clients.</summary>
public sealed partial class DnsProxy
{
    private const int MaxMessage = UpstreamExchange.MaxMessage;

    private enum Decision
    {
        Reply,
        Drop,
        Forward,
    }

    /// <summary>
    /// Everything answered without an upstream: messages that are not queries (dropped: answering would
    /// reflect), unreadable queries (FORMERR), other opcodes (NOTIMP), and cache hits.
    /// </summary>
    private Decision Decide(ReadOnlySpan<byte> query, bool tcp, long nowMs, Span<byte> reply, out int replyLength, out PendingQuestion question)
    {
        replyLength = 0;
        question = default;
        if (query.Length < DnsWire.HeaderLength || DnsWire.IsResponse(query))
        {
            _counters.Malformed();
            return Decision.Drop;
        }

        int end = DnsWire.QuestionEnd(query);
        MessageLayout? layout = end < 0 ? null : MessageLayout.Read(query, end);
        if (layout is null)
        {
            _counters.Malformed();
            replyLength = Replies.Error(query, -1, Replies.FormErr, reply);
            return Decision.Reply;
        }

        _counters.Query(tcp);
        if (DnsWire.Opcode(query) != 0)
        {
            replyLength = Replies.Error(query, end, Replies.NotImp, reply);
            return Decision.Reply;
        }

        string key = DnsCache.Key(query, end, layout);
        if (_cache is not null)
        {
            int cached = _cache.TryRender(key, query, end, reply, nowMs);
            if (cached > 0)
            {
                _counters.Hit();
                replyLength = tcp ? cached : FitUdp(reply, cached, end, layout.UdpPayloadSize);
                return Decision.Reply;
            }
        }

        _counters.Miss();
        question = new PendingQuestion(end, layout.UdpPayloadSize, key);
        return Decision.Forward;
    }

    /// <summary>
    /// Asks the upstreams, keeps the answer, and writes the client's reply into <paramref name="reply"/>; its length.
    /// The same question already on its way upstream is not asked again: this query waits for that answer
    /// (RFC 5452 §5: parallel identical queries invite a birthday attack; dnsmasq and unbound also merge them).
    /// </summary>
    private async ValueTask<int> ForwardAsync(byte[] query, int length, PendingQuestion question, bool tcp, byte[] reply)
    {
        var mine = new InFlightQuery();
        InFlightQuery leader = _inFlight.GetOrAdd(question.Key, mine);
        if (!ReferenceEquals(leader, mine))
        {
            _counters.Coalesced();
            byte[]? shared = await leader.Answer.ConfigureAwait(false);
            return shared is null
                ? ServFail(query, question, reply)
                : ReplyFrom(shared, shared.Length, query, question, tcp, reply);
        }

        byte[]? answer = null;
        try
        {
            ushort clientId = DnsWire.Id(query);
            ExchangeResult result = await AskUpstreamsAsync(query, length, question.End, reply).ConfigureAwait(false);
            DnsWire.SetId(query, clientId);
            MessageLayout? layout = result.Ok ? MessageLayout.Read(reply.AsSpan(0, result.Length), question.End) : null;
            if (layout is null)
            {
                return ServFail(query, question, reply);
            }

            answer = reply.AsSpan(0, result.Length).ToArray();
            _cache?.Store(question.Key, answer, layout, _options.Clock());
            return ReplyFrom(reply, answer.Length, query, question, tcp, reply);
        }
        finally
        {
            _inFlight.TryRemove(new(question.Key, mine));
            mine.Complete(answer);
        }
    }

    private int ServFail(byte[] query, PendingQuestion question, byte[] reply)
    {
        _counters.UpstreamError();
        return Replies.Error(query, question.End, Replies.ServFail, reply);
    }

    // The upstream answer for this client: its id, its spelling of the question, its RD bit, its size limit.
    private int ReplyFrom(byte[] answer, int length, byte[] query, PendingQuestion question, bool tcp, byte[] reply)
    {
        if (!ReferenceEquals(answer, reply))
        {
            answer.AsSpan(0, length).CopyTo(reply);
        }

        query.AsSpan(0, 2).CopyTo(reply);
        query.AsSpan(DnsWire.HeaderLength, question.End - DnsWire.HeaderLength).CopyTo(reply.AsSpan(DnsWire.HeaderLength));
        reply[2] = (byte)((reply[2] & 0xFE) | (query[2] & 0x01));
        return tcp ? length : FitUdp(reply, length, question.End, question.UdpPayloadSize);
    }

    /// <summary>The upstreams in order, healthy ones first; a truncated UDP answer is asked again over TCP.</summary>
    private async ValueTask<ExchangeResult> AskUpstreamsAsync(byte[] query, int length, int questionEnd, byte[] answer)
    {
        TimeSpan timeout = _options.UpstreamTimeout;
        long nowMs = _options.Clock();
        ExchangeResult result = ExchangeResult.Failed("no upstream tried");
        bool first = true;
        for (int pass = 0; pass < 2; pass++)
        {
            foreach (Upstream upstream in _upstreams)
            {
                if (upstream.IsHealthy(nowMs) != (pass == 0))
                {
                    continue;
                }

                if (!first)
                {
                    _counters.Failover();
                }

                first = false;
                result = await UpstreamExchange.UdpAsync(upstream, query, length, questionEnd, answer, timeout, _counters, _stopping.Token).ConfigureAwait(false);
                if (result.Ok && DnsWire.IsTruncated(answer))
                {
                    _counters.TcpFallback();
                    result = await UpstreamExchange.TcpAsync(upstream, query, length, questionEnd, answer, timeout, _counters, _stopping.Token).ConfigureAwait(false);
                }

                if (result.Ok)
                {
                    upstream.Succeeded(result.RoundTrip);
                    _counters.UpstreamLatency(result.RoundTrip);
                    return result;
                }

                upstream.Failed(result.Error!, _options.Clock(), _options.FailureThreshold, _options.UpstreamRetryInterval);
            }
        }

        return result;
    }

    /// <summary>
    /// A UDP reply larger than the client can take (512 bytes, or its EDNS size) goes out as the header and
    /// question with TC set, plus the OPT record, so the client asks again over TCP (RFC 2181 §9, RFC 6891 §7).
    /// </summary>
    private int FitUdp(Span<byte> message, int length, int questionEnd, int limit)
    {
        if (length <= limit)
        {
            return length;
        }

        _counters.TruncatedToClient();
        MessageLayout? layout = MessageLayout.Read(message[..length], questionEnd);
        int optLength = layout is { HasOpt: true } ? layout.OptLength : 0;
        if (optLength > 0)
        {
            message.Slice(layout!.OptOffset, optLength).CopyTo(message[questionEnd..]);
        }

        message[2] |= 0x02;
        Replies.SetCounts(message, answers: 0, authorities: 0, additionals: optLength > 0 ? 1 : 0);
        return questionEnd + optLength;
    }

    /// <summary>A query waiting for an upstream: its question's end, the client's UDP limit, and its key (cache and in-flight).</summary>
    private readonly record struct PendingQuestion(int End, int UdpPayloadSize, string Key);
}
