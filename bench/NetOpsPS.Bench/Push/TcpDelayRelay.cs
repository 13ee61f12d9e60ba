using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace NetOpsPS.Bench.Push;

/// <summary>
/// A TCP relay on 127.0.0.1 in front of one device port that holds every chunk it reads for half the round trip
/// before passing it on, each way, so loopback peers answer like devices across a WAN (the push bench's --rtt-ms).
/// The TCP counterpart of the UDP delay the exporter bench gets from UdpImpairmentRelay: one writer per direction keeps the byte order, chunks are stamped when
/// read so the delay does not cap throughput, and each direction holds at most <see cref="ChunksInFlight"/> chunks of
/// <see cref="ChunkBytes"/> (the reader waits when that is full). It runs on threads of its own, not the thread pool:
/// the SSH client blocks pool threads during its handshake, and a relay starved by that would add delay of its own.
/// </summary>
internal sealed class TcpDelayRelay : IDisposable
{
    private const int ChunkBytes = 16 * 1024;
    private const int ChunksInFlight = 64; // at most 1 MiB per direction per connection

    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly IPEndPoint _device;
    private readonly TimeSpan _halfTrip;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Thread> _threads = [];
    private readonly List<Socket> _sockets = [];
    private readonly Thread _accepting;

    public TcpDelayRelay(int devicePort, TimeSpan roundTrip)
    {
        _device = new IPEndPoint(IPAddress.Loopback, devicePort);
        _halfTrip = roundTrip / 2;
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(64);
        _accepting = Start(Accept);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndPoint!).Port;

    public int DevicePort => _device.Port;

    /// <summary>Stops accepting, cuts every open connection and waits for all of the relay's threads.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _listener.Dispose();
        _accepting.Join(); // first, so no connection starts after the sockets below are cut
        Thread[] threads;
        lock (_threads)
        {
            foreach (Socket socket in _sockets)
            {
                socket.Dispose();
            }

            threads = [.. _threads];
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        _stop.Dispose();
    }

    private Thread Start(Action body)
    {
        var thread = new Thread(() => body()) { IsBackground = true, Name = "tcp-delay-relay" };
        lock (_threads)
        {
            _threads.RemoveAll(t => !t.IsAlive && t.ThreadState != System.Threading.ThreadState.Unstarted);
            _threads.Add(thread);
        }

        thread.Start();
        return thread;
    }

    private void Accept()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = _listener.Accept();
            }
            catch (Exception ex) when (IsCut(ex))
            {
                return;
            }

            var device = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            lock (_threads)
            {
                _sockets.Add(client);
                _sockets.Add(device);
            }

            try
            {
                client.NoDelay = true;
                device.NoDelay = true;
                device.Connect(_device);
            }
            catch (Exception ex) when (IsCut(ex))
            {
                Close(client, device); // the device is down: the client sees its connection close
                continue;
            }

            int open = 2;
            Action done = () =>
            {
                if (Interlocked.Decrement(ref open) == 0)
                {
                    Close(client, device);
                }
            };
            Pipe(client, device, done);
            Pipe(device, client, done);
        }
    }

    private void Close(Socket client, Socket device)
    {
        lock (_threads)
        {
            _sockets.Remove(client);
            _sockets.Remove(device);
        }

        client.Dispose();
        device.Dispose();
    }

    private void Pipe(Socket from, Socket to, Action done)
    {
        var chunks = new BlockingCollection<Chunk>(ChunksInFlight);
        var cut = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token); // a writer that fails frees its reader
        int ends = 2;
        Action end = () =>
        {
            if (Interlocked.Decrement(ref ends) == 0)
            {
                chunks.Dispose();
                cut.Dispose();
                done();
            }
        };
        _ = Start(() => Read(from, to, chunks, cut.Token, end));
        _ = Start(() => Write(chunks, from, to, cut, end));
    }

    private static void Read(Socket from, Socket to, BlockingCollection<Chunk> chunks, CancellationToken cut, Action end)
    {
        try
        {
            while (true)
            {
                byte[] buffer = new byte[ChunkBytes];
                int length = from.Receive(buffer);
                if (length == 0)
                {
                    return; // end of stream: Write passes the FIN on after the chunks before it
                }

                chunks.Add(new Chunk(buffer, length, Stopwatch.GetTimestamp()), cut);
            }
        }
        catch (Exception ex) when (IsCut(ex))
        {
            // A reset, or the stop: cut both directions, as a broken link would.
            Cut(from, to);
        }
        finally
        {
            chunks.CompleteAdding();
            end();
        }
    }

    private void Write(BlockingCollection<Chunk> chunks, Socket from, Socket to, CancellationTokenSource cut, Action end)
    {
        try
        {
            foreach (Chunk chunk in chunks.GetConsumingEnumerable(_stop.Token))
            {
                TimeSpan wait = _halfTrip - Stopwatch.GetElapsedTime(chunk.ReadAt);
                if (wait > TimeSpan.Zero && _stop.Token.WaitHandle.WaitOne(wait))
                {
                    return;
                }

                for (int sent = 0; sent < chunk.Length;)
                {
                    sent += to.Send(chunk.Data, sent, chunk.Length - sent, SocketFlags.None);
                }
            }

            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (IsCut(ex))
        {
            cut.Cancel();
            Cut(from, to);
        }
        finally
        {
            end();
        }
    }

    // Shutdown wakes the other threads' blocking calls on these sockets; the sockets are disposed when both pipes end.
    private static void Cut(Socket a, Socket b)
    {
        foreach (Socket socket in new[] { a, b })
        {
            try
            {
                socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception ex) when (IsCut(ex))
            {
                // Already closed.
            }
        }
    }

    private static bool IsCut(Exception ex) => ex is OperationCanceledException or ObjectDisposedException or SocketException;

    private readonly record struct Chunk(byte[] Data, int Length, long ReadAt);
}
