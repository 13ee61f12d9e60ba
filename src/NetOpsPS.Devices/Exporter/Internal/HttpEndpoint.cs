using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace NetOpsPS.Devices.Exporter.Internal;

/// <summary>
/// The exporter's HTTP side on HttpListener (in the framework, no ASP.NET Core needed in a PowerShell session):
/// GET/HEAD /metrics and /healthz, 404 for other paths, 405 for other methods. At most
/// <see cref="MaxConcurrentRequests"/> requests are served at once; more get 503 rather than piling up.
/// </summary>
internal sealed class HttpEndpoint : IAsyncDisposable
{
    public const int MaxConcurrentRequests = 16;

    private const int PortAttempts = 5;
    private readonly HttpListener _listener;
    private readonly Func<Stream, CancellationToken, Task> _writeMetrics;
    private readonly Func<bool> _healthy;
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _requests = new(MaxConcurrentRequests);
    private readonly Task _acceptLoop;
    private long _scrapes;

    private HttpEndpoint(HttpListener listener, int port, Func<Stream, CancellationToken, Task> writeMetrics, Func<bool> healthy)
    {
        _listener = listener;
        Port = port;
        _writeMetrics = writeMetrics;
        _healthy = healthy;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    public long Scrapes => Interlocked.Read(ref _scrapes);

    /// <summary>
    /// Binds address:port. HttpListener cannot bind port 0, so for 0 a free port is found by binding a socket to
    /// port 0 and closing it; should another process take it first, another is tried (a few times).
    /// </summary>
    /// <exception cref="ArgumentException">An IPv6 address other than :: where HttpListener cannot bind one.</exception>
    public static HttpEndpoint Start(IPAddress address, int port, Func<Stream, CancellationToken, Task> writeMetrics, Func<bool> healthy)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && !address.Equals(IPAddress.IPv6Any) && !OperatingSystem.IsWindows())
        {
            // The managed HttpListener of Linux and macOS mis-parses "[addr]:port" prefixes (dotnet/runtime#34399).
            throw new ArgumentException($"The exporter cannot bind the IPv6 address {address} on this system (.NET's HttpListener, dotnet/runtime#34399); use an IPv4 address, or :: for every address.", nameof(address));
        }

        for (int attempt = 1; ; attempt++)
        {
            int chosen = port == 0 ? FreePort(address) : port;
            var listener = new HttpListener { IgnoreWriteExceptions = true };
            listener.Prefixes.Add(Prefix(address, chosen));
            try
            {
                listener.Start();
                return new HttpEndpoint(listener, chosen, writeMetrics, healthy);
            }
            catch (HttpListenerException) when (port == 0 && attempt < PortAttempts)
            {
                CloseFailed(listener);
            }
            catch
            {
                CloseFailed(listener);
                throw;
            }
        }
    }

    // After a failed Start, Close tries to remove the prefix it never bound and throws "Address already in use"
    // again; the failure that matters is the first one.
    private static void CloseFailed(HttpListener listener)
    {
        try
        {
            listener.Close();
        }
        catch (HttpListenerException)
        {
        }
    }

    public static string Prefix(IPAddress address, int port)
    {
        string host = address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)
            ? "+"
            : address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        return $"http://{host}:{port}/";
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try
        {
            await _acceptLoop.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
            // Stop() ends the pending accept with one of these.
        }

        try
        {
            _listener.Close();
        }
        catch (HttpListenerException)
        {
            // The managed HttpListener (Linux, macOS) looks its endpoint up again to remove the prefix and, when the
            // map no longer holds it, binds the port anew to do so; if something else has taken the port since, that
            // bind fails with "address in use" (seen once in CI). The listener is stopped either way: nothing to undo.
        }

        _stopping.Dispose();
    }

    private static int FreePort(IPAddress address)
    {
        using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(address, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            if (!_requests.Wait(0))
            {
                Respond(context, HttpStatusCode.ServiceUnavailable, "too many requests at once\n");
                continue;
            }

            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        try
        {
            HttpListenerRequest request = context.Request;
            string path = request.Url?.AbsolutePath ?? "/";
            bool head = request.HttpMethod == "HEAD";
            if (path is not ("/metrics" or "/healthz"))
            {
                Respond(context, HttpStatusCode.NotFound, "not found: try /metrics or /healthz\n");
            }
            else if (request.HttpMethod is not ("GET" or "HEAD"))
            {
                context.Response.AddHeader("Allow", "GET, HEAD");
                Respond(context, HttpStatusCode.MethodNotAllowed, "only GET and HEAD\n");
            }
            else if (path == "/healthz")
            {
                bool ok = _healthy();
                Respond(context, ok ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable, ok ? "ok\n" : "stopping\n", head);
            }
            else
            {
                await ServeMetricsAsync(context, head).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // One failed request (client gone, collection fault) must not end the endpoint.
        catch (Exception)
#pragma warning restore CA1031
        {
            context.Response.Abort();
        }
        finally
        {
            _requests.Release();
        }
    }

    private async Task ServeMetricsAsync(HttpListenerContext context, bool head)
    {
        // Collected into memory first, so a collection fault is a clean 500 rather than a truncated body.
        using var body = new MemoryStream();
        try
        {
            await _writeMetrics(body, _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Respond(context, HttpStatusCode.InternalServerError, "collecting metrics failed: " + ex.Message + "\n");
            return;
        }

        Interlocked.Increment(ref _scrapes);
        HttpListenerResponse response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
        response.ContentLength64 = body.Length;
        if (!head)
        {
            body.Position = 0;
            await body.CopyToAsync(response.OutputStream, _stopping.Token).ConfigureAwait(false);
        }

        response.Close();
    }

    private static void Respond(HttpListenerContext context, HttpStatusCode status, string text, bool head = false)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        HttpListenerResponse response = context.Response;
        response.StatusCode = (int)status;
        response.ContentType = "text/plain; charset=utf-8";
        response.ContentLength64 = bytes.Length;
        if (!head)
        {
            response.OutputStream.Write(bytes);
        }

        response.Close();
    }
}
