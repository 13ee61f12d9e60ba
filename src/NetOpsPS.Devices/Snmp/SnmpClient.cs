using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Devices.Snmp.Internal;

namespace NetOpsPS.Devices.Snmp;

/// <summary>
/// An SNMP manager talking to one agent over UDP, v1, v2c or v3 (USM). Requests on one client run one
/// at a time (a walk is a sequence anyway); poll many agents with one client each, concurrently.
/// Agent errors, reports and timeouts surface as <see cref="SnmpException"/>.
/// </summary>
public sealed partial class SnmpClient : IDisposable, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private UdpChannel? _channel;
    private int _requestId = RandomNumberGenerator.GetInt32(1, int.MaxValue / 2);
    private bool _disposed;

    /// <summary>A client for <paramref name="target"/>; the socket opens on the first request.</summary>
    public SnmpClient(SnmpTarget target)
    {
        Target = target ?? throw new ArgumentNullException(nameof(target));
        if (target.Retries < 0 || target.Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("Timeout must be positive and Retries at least 0.", nameof(target));
        }
    }

    /// <summary>The agent and credential.</summary>
    public SnmpTarget Target { get; }

    /// <summary>The message version the credential implies.</summary>
    public SnmpVersion Version => Target.Credential.Version;

    /// <summary>RFC 3416 §4.2.1 GetRequest.</summary>
    public Task<IReadOnlyList<SnmpVarBind>> GetAsync(IEnumerable<SnmpOid> oids, CancellationToken cancellationToken = default) =>
        RequestAsync(PduType.GetRequest, Nulls(oids), 0, 0, cancellationToken);

    /// <summary>RFC 3416 §4.2.2 GetNextRequest.</summary>
    public Task<IReadOnlyList<SnmpVarBind>> GetNextAsync(IEnumerable<SnmpOid> oids, CancellationToken cancellationToken = default) =>
        RequestAsync(PduType.GetNextRequest, Nulls(oids), 0, 0, cancellationToken);

    /// <summary>
    /// RFC 3416 §4.2.3 GetBulkRequest (v2c and v3): one GetNext for each of the first <paramref name="nonRepeaters"/>
    /// OIDs, then up to <paramref name="maxRepetitions"/> successors of each other OID, row by row.
    /// </summary>
    public Task<IReadOnlyList<SnmpVarBind>> GetBulkAsync(int nonRepeaters, int maxRepetitions, IEnumerable<SnmpOid> oids, CancellationToken cancellationToken = default)
    {
        if (Version == SnmpVersion.V1)
        {
            throw new NotSupportedException("GetBulk does not exist in SNMPv1 (RFC 3416 §4.2.3 is v2c and later); use GetNext.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(nonRepeaters);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRepetitions);
        return RequestAsync(PduType.GetBulkRequest, Nulls(oids), nonRepeaters, maxRepetitions, cancellationToken);
    }

    /// <summary>RFC 3416 §4.2.5 SetRequest: all varbinds are set, or none is.</summary>
    public Task<IReadOnlyList<SnmpVarBind>> SetAsync(IEnumerable<SnmpVarBind> varBinds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(varBinds);
        SnmpVarBind[] list = varBinds.ToArray();
        if (list.Any(v => v.Value.IsException))
        {
            throw new ArgumentException("noSuchObject, noSuchInstance and endOfMibView are states, not values to set.", nameof(varBinds));
        }

        return RequestAsync(PduType.SetRequest, list, 0, 0, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _channel?.Dispose();
        _privacy?.Dispose();
        _gate.Dispose();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static SnmpVarBind[] Nulls(IEnumerable<SnmpOid> oids)
    {
        ArgumentNullException.ThrowIfNull(oids);
        SnmpVarBind[] list = oids.Select(o => new SnmpVarBind(o)).ToArray();
        return list.Length > 0 ? list : throw new ArgumentException("Give at least one OID.", nameof(oids));
    }

    private async Task<IReadOnlyList<SnmpVarBind>> RequestAsync(PduType type, IReadOnlyList<SnmpVarBind> varBinds, int errorStatus, int errorIndex, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        SnmpPdu response;
        try
        {
            _channel ??= await UdpChannel.OpenAsync(Target.Host, Target.Port, cancellationToken).ConfigureAwait(false);
            var request = new SnmpPdu(type, NextRequestId(), errorStatus, errorIndex, varBinds);
            response = Version == SnmpVersion.V3
                ? await ExchangeV3Async(request, cancellationToken).ConfigureAwait(false)
                : await ExchangeCommunityAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        if (response.ErrorStatus != 0)
        {
            throw AgentError(response, varBinds);
        }

        return response.VarBinds;
    }

    private async Task<SnmpPdu> ExchangeCommunityAsync(SnmpPdu request, CancellationToken cancellationToken)
    {
        byte[] message = CommunityMessage.Encode(Version, Target.Credential.CommunityBytes, request);
        SnmpPdu? response = await SendAndReceiveAsync(
            message,
            bytes =>
            {
                SnmpPdu pdu = CommunityMessage.Decode(bytes.Span, Version);
                return pdu.RequestId == request.RequestId && pdu.Type == PduType.Response ? pdu : null;
            },
            cancellationToken).ConfigureAwait(false);
        return response ?? throw TimeoutError(null);
    }

    /// <summary>
    /// Sends and waits, resending after each timeout (net-snmp's -t/-r). <paramref name="match"/> turns a datagram into
    /// the answer, or null for one that answers something else (a late reply to an earlier try); it throws on garbage.
    /// </summary>
    private async Task<T?> SendAndReceiveAsync<T>(byte[] message, Func<ReadOnlyMemory<byte>, T?> match, CancellationToken cancellationToken)
        where T : class
    {
        UdpChannel channel = _channel!;
        for (int attempt = 0; attempt <= Target.Retries; attempt++)
        {
            await channel.SendAsync(message, cancellationToken).ConfigureAwait(false);
            long deadline = Environment.TickCount64 + (long)Target.Timeout.TotalMilliseconds;
            while (await channel.ReceiveAsync(deadline, cancellationToken).ConfigureAwait(false) is { } datagram)
            {
                if (match(datagram) is { } answer)
                {
                    return answer;
                }
            }
        }

        return null;
    }

    private int NextRequestId() => Interlocked.Increment(ref _requestId) & int.MaxValue;

    private SnmpException AgentError(SnmpPdu response, IReadOnlyList<SnmpVarBind> sent)
    {
        var status = (SnmpErrorStatus)response.ErrorStatus;
        int index = response.ErrorIndex;
        SnmpOid? oid = index >= 1 && index <= sent.Count ? sent[index - 1].Oid : null;
        string statusName = Enum.IsDefined(status) ? char.ToLowerInvariant(status.ToString()[0]) + status.ToString()[1..] : response.ErrorStatus.ToString(CultureInfo.InvariantCulture);
        string where = oid is null ? string.Empty : $" for {oid}{(oid.Name is { } name ? $" ({name})" : string.Empty)}";
        return new SnmpException(SnmpError.AgentError, $"{Target} answered {statusName}{where} (RFC 3416 error-status {response.ErrorStatus}, index {index}).")
        {
            ErrorStatus = status,
            ErrorIndex = index,
            Oid = oid,
            Target = Target.ToString(),
        };
    }

    private SnmpException TimeoutError(string? during)
    {
        string tries = Target.Retries == 0 ? "one try" : $"{Target.Retries + 1} tries";
        string message = $"No answer from {Target}{during} within {Target.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s ({tries}).";
        if (_channel?.SawPortUnreachable == true)
        {
            message += " The host answered ICMP port unreachable: no agent listens on that port.";
        }
        else if (Version == SnmpVersion.V3 && during is null && Target.Credential.SecurityLevel == SnmpSecurityLevel.AuthPriv)
        {
            message += " SNMPv3 authPriv: no answer; a wrong privacy password looks like this (the agent cannot decrypt the request and drops it without a report).";
        }
        else if (Version != SnmpVersion.V3)
        {
            message += " A wrong community looks like this too (the agent drops the request).";
        }
        else if (during is not null)
        {
            message += " Discovery is unauthenticated: no SNMPv3 agent answers there.";
        }

        return new SnmpException(SnmpError.Timeout, message) { Target = Target.ToString() };
    }
}
