using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace NetOpsPS.Sockets.Tests.Client;

/// <summary>A one-connection line server the test drives by hand, for what the echo server never says (PING).</summary>
internal sealed class ScriptedPeer : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly Socket _listener;
    private Socket? _client;
    private StreamReader? _reader;

    public ScriptedPeer()
    {
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(1);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndPoint!).Port;

    public async Task AcceptAsync()
    {
        _client = await _listener.AcceptAsync().WaitAsync(Deadline);
        _reader = new StreamReader(new NetworkStream(_client, ownsSocket: false), Encoding.UTF8);
    }

    public async Task SendLineAsync(string line)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(line + "\n");
        for (int sent = 0; sent < bytes.Length;)
        {
            sent += await _client!.SendAsync(bytes.AsMemory(sent), SocketFlags.None);
        }
    }

    public async Task<string> ReadLineAsync() =>
        await _reader!.ReadLineAsync().WaitAsync(Deadline) ?? throw new EndOfStreamException("The client closed.");

    public void Dispose()
    {
        _reader?.Dispose();
        _client?.Dispose();
        _listener.Dispose();
    }
}
