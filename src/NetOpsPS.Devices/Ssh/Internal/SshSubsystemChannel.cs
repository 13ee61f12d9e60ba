using System;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using Renci.SshNet;

namespace NetOpsPS.Devices.Ssh.Internal;

/// <summary>
/// An SSH session channel running a subsystem (RFC 4254 §6.5), raw bytes both ways. SSH.NET opens subsystem
/// channels only inside its own NetConfClient and SftpClient (the channel types are internal), and its
/// NetConfClient cannot be used here: it parses with regular expressions, has no bound on a reply, and takes no
/// cancellation. So this binds once, by reflection, to the internal ISession.CreateChannelSession and the
/// IChannelSession members of the pinned SSH.NET 2026.0.0, and fails loudly at first use if they ever change.
/// </summary>
internal sealed class SshSubsystemChannel : IDisposable
{
    private static readonly Lazy<Binding> s_binding = new(Binding.Create);
    private readonly object _channel;
    private readonly Delegate _onData;
    private readonly Delegate _onClosed;
    private readonly Delegate _onException;
    private readonly Action<ReadOnlyMemory<byte>> _data;
    private readonly Action<Exception?> _closed;
    private int _disposed;

    private SshSubsystemChannel(object channel, Action<ReadOnlyMemory<byte>> data, Action<Exception?> closed)
    {
        _channel = channel;
        _data = data;
        _closed = closed;
        Binding b = s_binding.Value;
        _onData = Handler(b.DataReceived, b.OnData);
        _onClosed = Handler(b.Closed, b.OnClosed);
        _onException = Handler(b.Exception, b.OnException);
        b.DataReceived.AddEventHandler(channel, _onData);
        b.Closed.AddEventHandler(channel, _onClosed);
        b.Exception.AddEventHandler(channel, _onException);
    }

    /// <summary>
    /// Opens a session channel on the client's connection and starts the subsystem. <paramref name="data"/> and
    /// <paramref name="closed"/> run on SSH.NET's receive thread, in order.
    /// </summary>
    public static SshSubsystemChannel Open(SshClient client, string subsystem, Action<ReadOnlyMemory<byte>> data, Action<Exception?> closed)
    {
        ArgumentNullException.ThrowIfNull(client);
        Binding b = s_binding.Value;
        object session = b.SessionProperty.GetValue(client)
            ?? throw new SshException(SshError.NotConnected, "The SSH client is not connected.");
        object channel = Invoke(b.CreateChannelSession, session, [])!;
        var result = new SshSubsystemChannel(channel, data, closed);
        try
        {
            Invoke(b.OpenChannel, channel, []);
            if (Invoke(b.SendSubsystemRequest, channel, [subsystem]) is not true)
            {
                throw new SshException(SshError.ChannelRefused, $"The server refused the '{subsystem}' subsystem.");
            }
        }
        catch
        {
            result.Dispose();
            throw;
        }

        return result;
    }

    /// <summary>Sends bytes; blocks while the peer's window is full (SSH.NET's flow control).</summary>
    public void Send(byte[] data, int offset, int count)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        Invoke(s_binding.Value.SendData, _channel, [data, offset, count]);
    }

    public void Dispose()
    {
        if (System.Threading.Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Binding b = s_binding.Value;
        b.DataReceived.RemoveEventHandler(_channel, _onData);
        b.Closed.RemoveEventHandler(_channel, _onClosed);
        b.Exception.RemoveEventHandler(_channel, _onException);
        try
        {
            ((IDisposable)_channel).Dispose();
        }
        catch (Exception ex) when (ex is Renci.SshNet.Common.SshException or ObjectDisposedException or InvalidOperationException)
        {
            // Closing a channel whose connection already dropped: nothing left to release.
        }
    }

    private static object? Invoke(MethodInfo method, object target, object?[] arguments)
    {
        try
        {
            return method.Invoke(target, arguments);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }

    // An EventHandler<internal args type> bound to this instance's Relay...<TArgs>. Only a delegate over a method made
    // once per process: compiling an expression per channel cost the JIT several milliseconds of CPU per connection.
    private Delegate Handler(EventInfo info, MethodInfo relay) => Delegate.CreateDelegate(info.EventHandlerType!, this, relay);

    private void RelayData<TArgs>(object? sender, TArgs e)
        where TArgs : EventArgs => OnData(sender, e);

    private void RelayClosed<TArgs>(object? sender, TArgs e)
        where TArgs : EventArgs => OnClosed(sender, e);

    private void RelayException<TArgs>(object? sender, TArgs e)
        where TArgs : EventArgs => OnException(sender, e);

    private void OnData(object? sender, EventArgs e) => _data(s_binding.Value.DataOf(e));

    private void OnClosed(object? sender, EventArgs e) => _closed(null);

    private void OnException(object? sender, EventArgs e) =>
        _closed(e is Renci.SshNet.Common.ExceptionEventArgs ex ? ex.Exception : null);

    private sealed record Binding(
        PropertyInfo SessionProperty,
        MethodInfo CreateChannelSession,
        MethodInfo OpenChannel,
        MethodInfo SendSubsystemRequest,
        MethodInfo SendData,
        EventInfo DataReceived,
        EventInfo Closed,
        EventInfo Exception,
        Func<EventArgs, ReadOnlyMemory<byte>> DataOf,
        MethodInfo OnData,
        MethodInfo OnClosed,
        MethodInfo OnException)
    {
        public static Binding Create()
        {
            const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;
            PropertyInfo session = Need(typeof(BaseClient).GetProperty("Session", Any), "BaseClient.Session");
            MethodInfo create = Need(session.PropertyType.GetMethod("CreateChannelSession", Any), "ISession.CreateChannelSession");
            Type channelSession = create.ReturnType;
            Type channel = Need(channelSession.GetInterfaces().FirstOrDefault(i => i.Name == "IChannel"), "IChannel");
            MethodInfo open = Need(channelSession.GetMethod("Open", Any, Type.EmptyTypes), "IChannelSession.Open");
            MethodInfo subsystem = Need(channelSession.GetMethod("SendSubsystemRequest", Any, [typeof(string)]), "IChannelSession.SendSubsystemRequest");
            MethodInfo send = Need(channel.GetMethod("SendData", Any, [typeof(byte[]), typeof(int), typeof(int)]), "IChannel.SendData");
            EventInfo dataReceived = Need(channel.GetEvent("DataReceived", Any), "IChannel.DataReceived");
            Type dataArgs = dataReceived.EventHandlerType!.GetGenericArguments()[0];
            PropertyInfo dataProperty = Need(dataArgs.GetProperty("Data", Any), "ChannelDataEventArgs.Data");

            // e => (ReadOnlyMemory<byte>)((ChannelDataEventArgs)e).Data, compiled once: it runs for every packet.
            ParameterExpression e = Expression.Parameter(typeof(EventArgs), "e");
            Expression data = Expression.Property(Expression.Convert(e, dataArgs), dataProperty);
            Expression memory = dataProperty.PropertyType == typeof(byte[])
                ? Expression.Convert(data, typeof(ReadOnlyMemory<byte>))
                : Expression.Convert(Expression.Convert(data, typeof(ArraySegment<byte>)), typeof(ReadOnlyMemory<byte>));
            var dataOf = Expression.Lambda<Func<EventArgs, ReadOnlyMemory<byte>>>(memory, e).Compile();
            EventInfo closed = Need(channel.GetEvent("Closed", Any), "IChannel.Closed");
            EventInfo exception = Need(channel.GetEvent("Exception", Any), "IChannel.Exception");
            return new Binding(
                session,
                create,
                open,
                subsystem,
                send,
                dataReceived,
                closed,
                exception,
                dataOf,
                Relay(nameof(RelayData), dataReceived),
                Relay(nameof(RelayClosed), closed),
                Relay(nameof(RelayException), exception));
        }

        // SshSubsystemChannel.Relay...<TArgs> for the event's own (internal) args type.
        private static MethodInfo Relay(string name, EventInfo info) =>
            typeof(SshSubsystemChannel).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Instance)!
                .MakeGenericMethod(info.EventHandlerType!.GetGenericArguments()[0]);

        private static T Need<T>(T? member, string name)
            where T : class =>
            member ?? throw new SshException(SshError.Unknown, $"This SSH.NET build lacks {name}, which NETCONF subsystem channels need (built against SSH.NET 2026.0.0).");
    }
}
