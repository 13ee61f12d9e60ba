using System;
using System.Collections.Generic;
using System.Net;

namespace NetOpsPS.Capture.Tls;

/// <summary>The handshake state of one TCP connection: two reassembled directions and what each opened with.</summary>
internal sealed class TlsConnection
{
    private readonly Direction[] _directions = new Direction[2];
    private readonly IPAddress?[] _addresses = new IPAddress?[2];
    private readonly int[] _ports = new int[2];
    private readonly List<string> _problems = [];
    private int _clientIndex = -1;
    private bool _reset;

    public TlsConnection(IPAddress firstAddress, int firstPort, int maxHelloBytes)
    {
        // Direction 0 is the endpoint that sent the connection's first segment.
        _addresses[0] = firstAddress;
        _ports[0] = firstPort;
        _directions[0] = new Direction(maxHelloBytes);
        _directions[1] = new Direction(maxHelloBytes);
    }

    internal enum Outcome
    {
        Pending,
        Done,
        NotTls,
    }

    public TlsHandshakeTracker.FlowKey Key { get; set; }

    public LinkedListNode<TlsConnection>? Node { get; set; }

    /// <summary>What both directions hold now.</summary>
    public int BufferedBytes => _directions[0].Stream.BufferedBytes + _directions[1].Stream.BufferedBytes;

    /// <summary>What the tracker last counted for this connection in its memory budget.</summary>
    public int AccountedBytes { get; set; }

    private Direction Client => _directions[_clientIndex];

    private Direction Server => _directions[1 - _clientIndex];

    public Outcome Add(in TcpStreamSegment segment)
    {
        int index = segment.Source.Equals(_addresses[0]) && segment.SourcePort == _ports[0] ? 0 : 1;
        _addresses[index] = segment.Source;
        _ports[index] = segment.SourcePort;
        _addresses[1 - index] ??= segment.Destination;
        if (_ports[1 - index] == 0)
        {
            _ports[1 - index] = segment.DestinationPort;
        }

        var direction = _directions[index];
        if ((segment.Flags & TcpFlags.Syn) != 0)
        {
            direction.Stream.OnSyn(segment.Sequence);
            if ((segment.Flags & TcpFlags.Ack) == 0 && _clientIndex < 0)
            {
                _clientIndex = index; // RFC 9293 §3.5: the active opener sends the bare SYN
            }
        }

        if (!direction.IsSettled && direction.Stream.Add(segment.Sequence, segment.Payload.Span, segment.Timestamp)
            && direction.Stream.Length >= direction.BytesNeeded)
        {
            Scan(index);
        }

        _reset |= (segment.Flags & TcpFlags.Rst) != 0;
        direction.Closed |= (segment.Flags & TcpFlags.Fin) != 0;
        return Decide();
    }

    /// <summary>The handshake so far, or null when no ClientHello was seen.</summary>
    public TlsHandshake? ToHandshake()
    {
        if (_clientIndex < 0)
        {
            // No SYN seen and no message finished: whichever direction holds a partial ClientHello is the client.
            _clientIndex = _directions[0].MessageType == TlsHelloParser.ClientHelloType ? 0
                : _directions[1].MessageType == TlsHelloParser.ClientHelloType ? 1 : -1;
            if (_clientIndex < 0)
            {
                return null;
            }
        }

        var client = Client;
        client.SettleUnfinished();
        Server.SettleUnfinished();
        if (client.ClientHello is null)
        {
            return null;
        }

        var serverHello = Server.ServerHello;
        TimeSpan? rtt = serverHello is not null && Server.CompletedAt is { } answered && client.CompletedAt is { } asked
            ? answered - asked
            : null;
        var flow = new TlsFlow(_addresses[_clientIndex]!, _ports[_clientIndex], _addresses[1 - _clientIndex]!, _ports[1 - _clientIndex]);
        if (Server.Problem is { } serverProblem && serverHello is null)
        {
            _problems.Add("server: " + serverProblem);
        }

        return new TlsHandshake(flow, client.ClientHello, serverHello, client.Stream.FirstByteTime ?? default, rtt, client.Stream.SegmentsUsed, _problems);
    }

    private void Scan(int index)
    {
        var direction = _directions[index];
        direction.Scan();
        if (direction.MessageType == TlsHelloParser.ClientHelloType && _clientIndex < 0)
        {
            _clientIndex = index;
        }
    }

    private Outcome Decide()
    {
        if (_clientIndex < 0)
        {
            // Before anyone sent a ClientHello: a direction that opens with something else is not TLS we can read.
            // A close before any ClientHello finished still reports a partial one (ToHandshake decides).
            bool notTls = _directions[0].IsNotTls || _directions[1].IsNotTls;
            return notTls ? Outcome.NotTls : _reset || (_directions[0].Closed && _directions[1].Closed) ? Outcome.Done : Outcome.Pending;
        }

        if (Client.IsNotTls)
        {
            return Outcome.NotTls;
        }

        bool serverDone = Server.IsSettled;
        bool closed = _reset || (Client.Closed && Server.Closed);
        return (Client.IsSettled && serverDone) || closed ? Outcome.Done : Outcome.Pending;
    }

    /// <summary>One direction: its reassembled start, and the hello decoded from it once it is settled.</summary>
    private sealed class Direction
    {
        private readonly int _maxHelloBytes;
        private TlsScanResult _last;

        public Direction(int maxHelloBytes)
        {
            _maxHelloBytes = maxHelloBytes;
            // Room for the record header, the handshake header and the largest message we keep.
            Stream = new TcpDirectionReassembler(maxHelloBytes + 64);
        }

        public TcpDirectionReassembler Stream { get; }

        public int BytesNeeded { get; private set; } = 1;

        public bool IsSettled { get; private set; }

        public bool IsNotTls { get; private set; }

        public bool Closed { get; set; }

        public byte MessageType => _last.MessageType;

        public string? Problem { get; private set; }

        public DateTimeOffset? CompletedAt { get; private set; }

        public TlsClientHello? ClientHello { get; private set; }

        public TlsServerHello? ServerHello { get; private set; }

        public void Scan()
        {
            _last = TlsHandshakeScanner.Scan(Stream.Contiguous, _maxHelloBytes);
            switch (_last.State)
            {
                case TlsScanState.NeedMore when Stream.IsFull:
                    Settle("the hello exceeds the reassembly bound", TlsDecodeStatus.Truncated);
                    break;
                case TlsScanState.NeedMore:
                    BytesNeeded = Math.Max(_last.BytesNeeded, Stream.Length + 1);
                    break;
                case TlsScanState.Message:
                    Settle(null, TlsDecodeStatus.Complete);
                    break;
                case TlsScanState.NotTls:
                    IsNotTls = true;
                    IsSettled = true;
                    Problem = _last.Problem;
                    Stream.Release();
                    break;
                default:
                    Settle(_last.Problem, TlsDecodeStatus.Malformed);
                    break;
            }
        }

        /// <summary>The connection or capture ended: decode whatever the direction holds.</summary>
        public void SettleUnfinished()
        {
            if (!IsSettled && Stream.Length > 0)
            {
                Scan();
                if (!IsSettled)
                {
                    Settle(_last.Problem ?? "the stream ended inside the hello", TlsDecodeStatus.Truncated);
                }
            }
        }

        private void Settle(string? problem, TlsDecodeStatus status)
        {
            IsSettled = true;
            CompletedAt = Stream.LastByteTime;
            Problem = problem;
            Stream.Release(); // the scan copied the message out; the stream's bytes are no longer needed
            if (_last.MessageType == TlsHelloParser.ClientHelloType)
            {
                ClientHello = TlsHelloParser.ParseClientHello(_last.Body, _last.DeclaredLength, _last.RecordVersion);
                FlagStream(ClientHello, problem, status);
            }
            else if (_last.MessageType == TlsHelloParser.ServerHelloType)
            {
                ServerHello = TlsHelloParser.ParseServerHello(_last.Body, _last.DeclaredLength, _last.RecordVersion);
                FlagStream(ServerHello, problem, status);
            }
            else if (_last.DeclaredLength > 0 || _last.Body.Length > 0)
            {
                Problem = $"the first handshake message is of type {_last.MessageType}, not a hello";
            }
        }

        private static void FlagStream(TlsHelloBase hello, string? problem, TlsDecodeStatus status)
        {
            if (problem is not null && status != TlsDecodeStatus.Complete)
            {
                hello.Flag(status, problem);
            }
        }
    }
}
