using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Sockets.DnsTools;
using NetOpsPS.Sockets.Load.Internal;

namespace NetOpsPS.Sockets.Load;

/// <summary>
/// Loads a line echo server over TCP (the engine of Measure-TcpEcho and of the TCP benchmark):
/// opens the connections, warms up, then measures requests per second, throughput and latency while
/// verifying every reply byte for byte. A connection that fails is counted and not reopened, so each
/// error is one event of the server's, never an artefact of retries.
/// </summary>
public static class TcpLoadDriver
{
    /// <summary>
    /// Runs one load run to its end (its duration, or its request bound). Server failures are results
    /// (<see cref="TcpLoadResult.Errors"/>), not exceptions; bad options throw
    /// <see cref="SocketsException"/>, and <paramref name="cancellationToken"/> closes every connection
    /// at once and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public static async Task<TcpLoadResult> RunAsync(
        TcpLoadOptions options,
        IProgress<TcpLoadProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();

        string target;
        IPEndPoint? endPoint = options.EndPoint;
        string? resolveError = null;
        if (endPoint is not null)
        {
            target = endPoint.ToString();
        }
        else
        {
            string host = options.Host!.Trim();
            target = host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]:{options.Port}" : $"{host}:{options.Port}";
            try
            {
                IPAddress? address = await HostAddresses.ResolveAsync(host, cancellationToken).ConfigureAwait(false);
                if (address is null)
                {
                    resolveError = $"'{host}' has no address";
                }
                else
                {
                    endPoint = new IPEndPoint(address, options.Port);
                }
            }
            catch (SocketException ex)
            {
                resolveError = $"'{host}' did not resolve: {ex.Message}";
            }
        }

        using var run = new LoadRun(options, target, endPoint, resolveError, cancellationToken);
        return await run.RunAsync(progress).ConfigureAwait(false);
    }
}
