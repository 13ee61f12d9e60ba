using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Impairment.Internal;
using NetOpsPS.Sockets.Udp;

namespace NetOpsPS.Sockets.Impairment;

/// <summary>
/// A UDP relay that impairs the link it stands for (this kernel has no netem): clients send to it,
/// it forwards to the target from one socket per client, and the target's replies go back the
/// same way, each direction dropped, duplicated, reordered and delayed by the configured
/// probabilities from a seeded generator.
/// </summary>
public sealed class UdpImpairmentRelay : UdpService
{
    private readonly UdpImpairmentRelayOptions _options;
    private readonly ConcurrentDictionary<IPEndPoint, Upstream> _clients = new();
    private readonly RelayCounters _counters = new();
    private readonly ImpairedPath _toTarget;
    private readonly ImpairedPath _toClients;
    private volatile bool _linkDown;

    private UdpImpairmentRelay(UdpImpairmentRelayOptions options, int seed)
        : base("UdpImpairmentRelay", options.Name, options.LocalEndPoint, options.Buffers)
    {
        _options = options;
        Target = options.Target!;
        Seed = seed;
        Impairment = options.Impairment;
        // Each direction its own generator, so one direction's traffic does not shift the other's decisions.
        _toTarget = new ImpairedPath(seed, options.Impairment, _counters, Name, "to_target");
        _toClients = new ImpairedPath(unchecked((seed * 31) + 17), options.Impairment, _counters, Name, "to_client");
    }

    /// <summary>Where datagrams are forwarded.</summary>
    public IPEndPoint Target { get; }

    /// <summary>The seed in use (drawn when none was given): pass it again to replay the run.</summary>
    public int Seed { get; }

    /// <summary>The impairment applied.</summary>
    public UdpImpairmentOptions Impairment { get; }

    /// <summary>A simulated outage: while true every datagram, both ways, is dropped (counted as dropped).</summary>
    public bool LinkDown
    {
        get => _linkDown;
        set => _linkDown = value;
    }

    /// <summary>Datagrams sent on (duplicates and late ones included).</summary>
    public long Forwarded => Interlocked.Read(ref _counters.Forwarded);

    /// <summary>Datagrams dropped.</summary>
    public long Dropped => Interlocked.Read(ref _counters.Dropped);

    /// <summary>Datagrams sent twice.</summary>
    public long Duplicated => Interlocked.Read(ref _counters.Duplicated);

    /// <summary>Datagrams held back behind their successor.</summary>
    public long Reordered => Interlocked.Read(ref _counters.Reordered);

    /// <summary>Datagrams delayed.</summary>
    public long Delayed => Interlocked.Read(ref _counters.Delayed);

    /// <summary>Sends the kernel refused.</summary>
    public long SendFailures => Interlocked.Read(ref _counters.SendFailures);

    /// <summary>Datagrams of new clients dropped because MaxClients were relayed.</summary>
    public long ClientsRejected => Interlocked.Read(ref _counters.ClientsRejected);

    /// <summary>Clients relayed now.</summary>
    public int Clients => _clients.Count;

    /// <summary>Binds and starts; throws <see cref="SocketsException"/> when the bind fails or an option is out of range.</summary>
    public static UdpImpairmentRelay Start(UdpImpairmentRelayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var relay = new UdpImpairmentRelay(options, options.Impairment.Seed ?? RandomNumberGenerator.GetInt32(int.MaxValue));
        relay.StartLoop();
        return relay;
    }

    /// <inheritdoc />
    protected override ValueTask OnDatagramAsync(ReadOnlyMemory<byte> data, IPEndPoint remote, CancellationToken cancellationToken)
    {
        if (!_clients.TryGetValue(remote, out Upstream? upstream))
        {
            if (_clients.Count >= _options.MaxClients)
            {
                Interlocked.Increment(ref _counters.ClientsRejected);
                return ValueTask.CompletedTask;
            }

            try
            {
                upstream = new Upstream(this, remote);
            }
            catch (SocketsException)
            {
                // No socket toward the target for this client (ports exhausted): its datagram is lost.
                Interlocked.Increment(ref _counters.ClientsRejected);
                return ValueTask.CompletedTask;
            }

            _clients[remote] = upstream;
            upstream.Start();
        }

        _toTarget.Forward(data.Span, upstream.Socket, Target, _linkDown);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    protected override async Task OnStoppedAsync()
    {
        Upstream[] upstreams = _clients.Values.ToArray();
        _clients.Clear();
        await Task.WhenAll(upstreams.Select(u => u.StopAsync())).ConfigureAwait(false);
    }

    /// <summary>One client's socket toward the target, and the loop that carries the target's replies back.</summary>
    private sealed class Upstream
    {
        private readonly UdpImpairmentRelay _relay;
        private readonly IPEndPoint _client;
        private readonly IPEndPoint _target;
        private readonly CancellationTokenSource _stop = new();
        private Task _loop = Task.CompletedTask;

        public Upstream(UdpImpairmentRelay relay, IPEndPoint client)
        {
            _relay = relay;
            _client = client;
            _target = UdpSockets.Normalize(relay.Target);
            Socket = UdpSockets.Bind(UdpSockets.AnyFor(relay.Target), relay._options.Buffers, out IReadOnlyList<UdpBufferGrant> _);
        }

        public Socket Socket { get; }

        public void Start() => _loop = Task.Run(ReplyLoopAsync);

        public async Task StopAsync()
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            Socket.Dispose();
            await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _stop.Dispose();
        }

        private async Task ReplyLoopAsync()
        {
            var buffer = new byte[UdpChannelOptions.MaxPayload + 1];
            EndPoint any = UdpSockets.AnyOf(Socket);
            while (!_stop.IsCancellationRequested)
            {
                SocketReceiveFromResult received;
                try
                {
                    received = await Socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token).ConfigureAwait(false);
                }
                catch (SocketException ex) when (UdpSockets.IsIcmpEcho(ex))
                {
                    continue;
                }
                catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
                {
                    return;
                }

                // Only the target's datagrams go back; anything else reaching this port is not part of the link.
                if (UdpSockets.Normalize((IPEndPoint)received.RemoteEndPoint).Equals(_target))
                {
                    _relay._toClients.Forward(buffer.AsSpan(0, received.ReceivedBytes), _relay.Socket, _client, _relay._linkDown);
                }
            }
        }
    }
}
