using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace NetOpsPS.Module.Tests;

/// <summary>A plain TCP client for talking to servers the cmdlets started.</summary>
internal sealed class LineClient : IDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;

    private LineClient(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
        _stream.ReadTimeout = 10_000;
    }

    public static async Task<LineClient> ConnectAsync(IPAddress address, int port)
    {
        var client = new TcpClient(address.AddressFamily);
        await client.ConnectAsync(address, port);
        return new LineClient(client);
    }

    public Task SendAsync(string text) => _stream.WriteAsync(Encoding.UTF8.GetBytes(text)).AsTask();

    /// <summary>Reads exactly as many bytes as <paramref name="expected"/> has and returns them as text.</summary>
    public async Task<string> ReadExactlyAsync(string expected)
    {
        byte[] buffer = new byte[Encoding.UTF8.GetByteCount(expected)];
        await _stream.ReadExactlyAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        return Encoding.UTF8.GetString(buffer);
    }

    /// <summary>Reads until the server's end of stream; throws if the server resets instead.</summary>
    public async Task<string> ReadToEndAsync()
    {
        using var text = new MemoryStream();
        await _stream.CopyToAsync(text).WaitAsync(TimeSpan.FromSeconds(15));
        return Encoding.UTF8.GetString(text.ToArray());
    }

    public void Dispose()
    {
        _stream.Dispose();
        _client.Dispose();
    }
}
