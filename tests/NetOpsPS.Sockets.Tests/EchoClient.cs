using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace NetOpsPS.Sockets.Tests;

/// <summary>A raw socket client: sends bytes as given (so tests control every split) and reads replies.</summary>
internal sealed class EchoClient : IDisposable
{
    private EchoClient(Socket socket) => Socket = socket;

    public Socket Socket { get; }

    public static async Task<EchoClient> ConnectAsync(IPEndPoint server)
    {
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(server);
        return new EchoClient(socket);
    }

    public async Task SendAsync(byte[] data)
    {
        int sent = 0;
        while (sent < data.Length)
        {
            sent += await Socket.SendAsync(data.AsMemory(sent), SocketFlags.None);
        }
    }

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    public async Task<string> ReadExactlyAsync(int byteCount)
    {
        byte[] buffer = new byte[byteCount];
        int read = 0;
        while (read < byteCount)
        {
            int n = await Socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            if (n == 0)
            {
                throw new EndOfStreamException($"Server closed after {read} of {byteCount} bytes: '{Encoding.UTF8.GetString(buffer, 0, read)}'.");
            }

            read += n;
        }

        return Encoding.UTF8.GetString(buffer);
    }

    /// <summary>Everything until the server's FIN; a reset throws SocketException.</summary>
    public async Task<string> ReadToEndAsync()
    {
        using var all = new MemoryStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = await Socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None).AsTask().WaitAsync(TimeSpan.FromSeconds(15))) > 0)
        {
            all.Write(buffer, 0, n);
        }

        return Encoding.UTF8.GetString(all.ToArray());
    }

    /// <summary>Reads one line (without its LF, and without a CR before it), a byte at a time so nothing is read past it.</summary>
    public async Task<string> ReadLineAsync()
    {
        var line = new MemoryStream();
        byte[] one = new byte[1];
        for (int i = 0; i < 1 << 20; i++)
        {
            if (await Socket.ReceiveAsync(one.AsMemory(), SocketFlags.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10)) == 0)
            {
                throw new EndOfStreamException($"Server closed inside a line: '{Encoding.UTF8.GetString(line.ToArray())}'.");
            }

            if (one[0] == (byte)'\n')
            {
                return Encoding.UTF8.GetString(line.ToArray()).TrimEnd('\r');
            }

            line.WriteByte(one[0]);
        }

        throw new InvalidDataException("No line feed within 1 MiB.");
    }

    public void Dispose() => Socket.Dispose();
}
