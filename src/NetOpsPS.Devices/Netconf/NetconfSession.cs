using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using System.Xml.Linq;
using NetOpsPS.Devices.Netconf.Internal;
using NetOpsPS.Devices.Ssh;
using NetOpsPS.Devices.Ssh.Internal;
using Renci.SshNet;

namespace NetOpsPS.Devices.Netconf;

/// <summary>
/// A NETCONF session (RFC 6241) over the SSH netconf subsystem (RFC 6242), with base:1.1 chunked framing when
/// the server offers it. RPCs may be issued from several threads; each waits for the reply with its message-id.
/// Replies are read by one loop that never stops while the channel is open, so memory is bounded by
/// <see cref="NetconfSessionOptions.MaxMessageSize"/>.
/// </summary>
public sealed partial class NetconfSession : IAsyncDisposable, IDisposable
{
    private static readonly XNamespace Nc = NetconfNamespaces.Base;
    private static int s_lastId;
    private readonly NetconfSessionOptions _options;
    private readonly SshClient _client;
    private readonly Channel<byte[]> _incoming = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly NetconfFrameDecoder _decoder;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<XElement>> _pending = new();
    private readonly TaskCompletionSource<XElement> _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly string[] _clientCapabilities;
    private SshSubsystemChannel? _channel;
    private Task? _readLoop;
    private NetconfCapabilities? _capabilities;
    private Exception? _fault;
    private long _lastMessageId;
    private int _disposed;

    private NetconfSession(NetconfSessionOptions options, SshClient client, SshHostKey hostKey)
    {
        _options = options;
        _client = client;
        _decoder = new NetconfFrameDecoder(options.MaxMessageSize);
        HostKey = hostKey;
        Id = Interlocked.Increment(ref s_lastId);
        Name = options.Name ?? string.Create(CultureInfo.InvariantCulture, $"nc{Id}");
        _clientCapabilities = options.Base10Only
            ? [NetconfNamespaces.Base10]
            : [NetconfNamespaces.Base10, NetconfNamespaces.Base11];
    }

    /// <summary>Module-wide unique id.</summary>
    public int Id { get; }

    /// <summary>The name given at connect, or ncN.</summary>
    public string Name { get; }

    /// <summary>Host as given.</summary>
    public string HostName => _options.Ssh.Host;

    /// <summary>SSH port.</summary>
    public int Port => _options.Ssh.Port;

    /// <summary>Login name.</summary>
    public string UserName => _options.Ssh.UserName;

    /// <summary>The server's verified SSH host key.</summary>
    public SshHostKey HostKey { get; }

    /// <summary>The hello exchange's outcome.</summary>
    public NetconfCapabilities Capabilities => _capabilities ?? throw new NetconfException(NetconfError.NotConnected, "The hello exchange has not finished.");

    /// <summary>The session-id the server assigned.</summary>
    public uint SessionId => Capabilities.SessionId;

    /// <summary>1.1 (chunked framing) or 1.0 (end-of-message framing).</summary>
    public string BaseVersion => Capabilities.BaseVersion;

    /// <summary>When the hello exchange finished.</summary>
    public DateTimeOffset ConnectedAt { get; private set; }

    /// <summary>True until the channel closes, the framing breaks, or the session is disposed.</summary>
    public bool IsConnected => Volatile.Read(ref _disposed) == 0 && _fault is null && _client.IsConnected;

    /// <summary>The default wait for each reply.</summary>
    public TimeSpan RpcTimeout => _options.RpcTimeout;

    /// <summary>Connects over SSH, verifies the host key, opens the netconf subsystem and exchanges hellos.</summary>
    public static async Task<NetconfSession> ConnectAsync(NetconfSessionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (client, key) = await SshConnector.ConnectAsync(options.Ssh, cancellationToken).ConfigureAwait(false);
        var session = new NetconfSession(options, client, key);
        try
        {
            await session.StartAsync(cancellationToken).ConfigureAwait(false);
            if (options.AwaitFirstReply)
            {
                await session.AwaitFirstReplyAsync(cancellationToken).ConfigureAwait(false);
            }

            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Sends any operation and waits for its reply. The operation is the element inside &lt;rpc&gt;; elements
    /// without a namespace are put in the NETCONF base namespace, as they would be if written inside the rpc.
    /// An &lt;rpc&gt; wrapper is unwrapped. rpc-errors of severity error throw <see cref="NetconfRpcException"/>.
    /// </summary>
    public async Task<NetconfReply> RpcAsync(XElement operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ThrowIfUnusable();
        if (operation.Name == Nc + "rpc" || operation.Name == "rpc")
        {
            operation = operation.Elements().SingleOrDefault()
                ?? throw new NetconfException(NetconfError.InvalidArgument, "The <rpc> element must hold exactly one operation.");
        }

        operation = InBaseNamespace(operation);
        string id = Interlocked.Increment(ref _lastMessageId).ToString(CultureInfo.InvariantCulture);
        var reply = new TaskCompletionSource<XElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            var rpc = new XElement(Nc + "rpc", new XAttribute("message-id", id), operation);
            await SendAsync(rpc.ToString(SaveOptions.DisableFormatting | SaveOptions.OmitDuplicateNamespaces), cancellationToken).ConfigureAwait(false);
            XElement element;
            try
            {
                element = await reply.Task.WaitAsync(_options.RpcTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException ex)
            {
                throw new NetconfException(NetconfError.Timeout, $"{Name}: no reply to {operation.Name.LocalName} (message-id {id}) within {_options.RpcTimeout.TotalSeconds:0.###} s.", ex);
            }

            var errors = element.Elements(Nc + "rpc-error").Select(NetconfRpcError.Parse).ToList();
            if (errors.Any(e => e.IsError))
            {
                throw new NetconfRpcException(operation.Name.LocalName, errors);
            }

            return new NetconfReply(id, element, errors, clock.Elapsed);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    /// <summary>Sends an operation given as XML text (see <see cref="RpcAsync(XElement, CancellationToken)"/>).</summary>
    public Task<NetconfReply> RpcAsync(string operationXml, CancellationToken cancellationToken = default)
    {
        var elements = SafeXml.ParseFragment(operationXml, "the rpc");
        if (elements.Count != 1)
        {
            throw new NetconfException(NetconfError.InvalidArgument, "An rpc is exactly one operation element.");
        }

        return RpcAsync(elements[0], cancellationToken);
    }

    /// <summary>close-session (RFC 6241 §7.8) when still connected, then closes the channel and the SSH connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (IsConnected && _capabilities is not null)
        {
            try
            {
                using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await RpcAsync(new XElement(Nc + "close-session"), bound.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is NetconfException or OperationCanceledException or SshException or ObjectDisposedException)
            {
                // Closing anyway: the server ends the session when the channel goes.
            }
        }

        Dispose();
    }

    /// <summary>Closes the channel and the SSH connection without close-session.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Fail(new NetconfException(NetconfError.NotConnected, $"{Name} is closed."));
        _channel?.Dispose();
        _client.Dispose();
        _sendLock.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({UserName}@{HostName}:{Port}, session-id {_capabilities?.SessionId})";

    private static XElement InBaseNamespace(XElement element)
    {
        if (!element.DescendantsAndSelf().Any(e => e.Name.Namespace == XNamespace.None))
        {
            return element;
        }

        var copy = new XElement(element);
        foreach (XElement e in copy.DescendantsAndSelf().Where(e => e.Name.Namespace == XNamespace.None))
        {
            e.Name = Nc + e.Name.LocalName;
        }

        return copy;
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _channel = SshSubsystemChannel.Open(_client, _options.Subsystem, OnData, OnClosed);
        }
        catch (SshException ex) when (ex.Error == SshError.ChannelRefused)
        {
            throw new NetconfException(NetconfError.SubsystemRefused, $"{_options.Ssh}: the server refused the '{_options.Subsystem}' subsystem; is NETCONF enabled?", ex);
        }
        catch (Exception ex) when (ex is not NetconfException and not OperationCanceledException)
        {
            throw SshConnector.Classify(ex, _options.Ssh);
        }

        _readLoop = Task.Run(ReadLoopAsync, CancellationToken.None);
        XNamespace nc = Nc;
        var hello = new XElement(nc + "hello", new XElement(nc + "capabilities", _clientCapabilities.Select(c => new XElement(nc + "capability", c))));
        await SendAsync(hello.ToString(SaveOptions.DisableFormatting), cancellationToken).ConfigureAwait(false);
        try
        {
            await _hello.Task.WaitAsync(_options.RpcTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new NetconfException(NetconfError.Hello, $"{_options.Ssh}: no NETCONF hello within {_options.RpcTimeout.TotalSeconds:0.###} s.", ex);
        }

        ConnectedAt = DateTimeOffset.Now;
    }

    private async Task SendAsync(string xml, CancellationToken cancellationToken)
    {
        byte[] body = Encoding.UTF8.GetBytes(xml);
        byte[] frame;
        if (_decoder.Chunked)
        {
            // RFC 6242 §4.2: one chunk per message; LF #size LF data LF ## LF.
            byte[] head = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"\n#{body.Length}\n"));
            frame = [.. head, .. body, .. "\n##\n"u8];
        }
        else
        {
            frame = [.. body, .. "]]>]]>"u8];
        }

        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfUnusable();
            _channel!.Send(frame, 0, frame.Length);
        }
        catch (Exception ex) when (ex is not NetconfException and not OperationCanceledException)
        {
            throw new NetconfException(NetconfError.ConnectionLost, $"{Name}: sending failed: {ex.Message}", ex);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private void ThrowIfUnusable()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            throw new NetconfException(NetconfError.NotConnected, $"{Name} is closed.");
        }

        if (_fault is { } fault)
        {
            throw fault as NetconfException ?? new NetconfException(NetconfError.ConnectionLost, $"{Name} is no longer usable: {fault.Message}", fault);
        }
    }

    // SSH.NET's receive thread: copy and hand over; the read loop, which never waits on anything else, does the rest.
    private void OnData(ReadOnlyMemory<byte> data) => _incoming.Writer.TryWrite(data.ToArray());

    private void OnClosed(Exception? error) => _incoming.Writer.TryComplete(error);

    private async Task ReadLoopAsync()
    {
        // What the decoder left is at most a partial chunk header or delimiter (under 13 bytes); the rest is consumed.
        byte[] left = [];
        try
        {
            await foreach (byte[] data in _incoming.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                var buffer = new ReadOnlySequence<byte>(left.Length == 0 ? data : [.. left, .. data]);
                while (_decoder.TryDecode(ref buffer, out ReadOnlyMemory<byte> message))
                {
                    Dispatch(message);
                }

                left = buffer.ToArray();
            }

            Fail(new NetconfException(NetconfError.ConnectionLost, $"{Name}: the server closed the NETCONF channel."));
        }
        catch (NetconfException ex)
        {
            Fail(ex);
            _channel?.Dispose();
        }
#pragma warning disable CA1031 // Whatever broke the loop is handed to every waiting RPC instead of dying unseen.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Fail(new NetconfException(NetconfError.ConnectionLost, $"{Name}: the NETCONF channel failed: {ex.Message}", ex));
        }
    }

    private void Dispatch(ReadOnlyMemory<byte> message)
    {
        XElement element;
        try
        {
            element = SafeXml.ParseMessage(TrimLeadingWhitespace(message), _options.MaxMessageSize);
        }
        catch (NetconfException ex)
        {
            // The framing still holds, but nobody can tell which request this answered: every waiting one fails.
            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(ex);
            }

            _hello.TrySetException(ex);
            return;
        }

        if (element.Name == Nc + "hello")
        {
            OnHello(element);
        }
        else if (element.Name == Nc + "rpc-reply")
        {
            string? id = (string?)element.Attribute("message-id");
            if (id is not null && _pending.TryGetValue(id, out var waiter))
            {
                waiter.TrySetResult(element);
            }
            else if (id is null && _pending.Count == 1)
            {
                // Some servers drop message-id on errors about the rpc itself (RFC 6241 §4.1 says they must not).
                _pending.Values.First().TrySetResult(element);
            }
        }

        // Notifications (RFC 5277) and stray replies are not waited for by anyone.
    }

    private void OnHello(XElement hello)
    {
        var capabilities = hello.Element(Nc + "capabilities")?.Elements(Nc + "capability").Select(c => NetconfCapability.Parse(c.Value)).ToList() ?? [];
        string? sessionId = hello.Element(Nc + "session-id")?.Value.Trim();
        if (sessionId is null || !uint.TryParse(sessionId, NumberStyles.None, CultureInfo.InvariantCulture, out uint id) || id == 0)
        {
            _hello.TrySetException(new NetconfException(NetconfError.Hello, $"{_options.Ssh}: the server's hello has no valid session-id (RFC 6241 §8.1)."));
            return;
        }

        var result = new NetconfCapabilities(id, capabilities, _clientCapabilities);
        if (!result.Has(NetconfNamespaces.Base10) && !result.Has(NetconfNamespaces.Base11))
        {
            _hello.TrySetException(new NetconfException(NetconfError.Hello, $"{_options.Ssh}: the server announces neither base:1.0 nor base:1.1."));
            return;
        }

        if (!result.Has(NetconfNamespaces.Base10) && result.BaseVersion != "1.1")
        {
            _hello.TrySetException(new NetconfException(NetconfError.Hello, $"{_options.Ssh}: the server speaks only base:1.1, which Base10Only turned off."));
            return;
        }

        // RFC 6242 §4.1: chunked framing starts with the first message after both hellos.
        _decoder.Chunked = result.BaseVersion == "1.1";
        _capabilities = result;
        _hello.TrySetResult(hello);
    }

    private void Fail(Exception error)
    {
        Interlocked.CompareExchange(ref _fault, error, null);
        _hello.TrySetException(error);
        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(error);
        }
    }

    private static ReadOnlyMemory<byte> TrimLeadingWhitespace(ReadOnlyMemory<byte> message)
    {
        ReadOnlySpan<byte> span = message.Span;
        int i = 0;
        while (i < span.Length && span[i] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            i++;
        }

        return message[i..];
    }
}
