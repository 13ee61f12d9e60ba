using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace NetOpsPS.Devices.Snmp;

/// <summary>Walks: GetBulk for v2c/v3, GetNext for v1, to the end of the subtree.</summary>
public sealed partial class SnmpClient
{
    /// <summary>
    /// Every varbind under <paramref name="root"/>, in order. Stops at the first OID outside the subtree, at
    /// endOfMibView (RFC 3416 §4.2.3), or at v1's noSuchName (RFC 1157 §4.1.3). A timeout mid-walk names the last OID reached.
    /// </summary>
    public async IAsyncEnumerable<SnmpVarBind> WalkAsync(
        SnmpOid root,
        SnmpWalkOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        options ??= SnmpWalkOptions.Default;
        bool bulk = options.UseGetBulk && Version != SnmpVersion.V1;
        // Ranges rely on increasing OIDs: without the check (-Cc) the walk stays sequential and streams.
        if (bulk && options.Parallelism > 1 && options.CheckIncreasing)
        {
            int parallelCount = 0;
            await foreach (SnmpVarBind varBind in ParallelWalkAsync(root, options, cancellationToken).ConfigureAwait(false))
            {
                parallelCount++;
                yield return varBind;
            }

            if (parallelCount == 0 && options.GetRootWhenEmpty && await GetLeafAsync(root, cancellationToken).ConfigureAwait(false) is { } single)
            {
                yield return single;
            }

            yield break;
        }

        SnmpOid? last = null;
        int count = 0;
        while (true)
        {
            IReadOnlyList<SnmpVarBind>? page = await NextPageAsync(last ?? root, bulk, options, root, last, count, cancellationToken).ConfigureAwait(false);
            bool more = page is { Count: > 0 };
            foreach (SnmpVarBind varBind in page ?? [])
            {
                if (varBind.Type == SnmpType.EndOfMibView || !varBind.Oid.StartsWith(root) || varBind.Oid == root)
                {
                    more = false;
                    break;
                }

                if (options.CheckIncreasing && last is not null && varBind.Oid.CompareTo(last) <= 0)
                {
                    throw OidNotIncreasing(varBind.Oid, last);
                }

                yield return varBind;
                last = varBind.Oid;
                count++;
                if (options.MaxVarBinds > 0 && count >= options.MaxVarBinds)
                {
                    yield break;
                }
            }

            if (!more)
            {
                break;
            }
        }

        if (count == 0 && options.GetRootWhenEmpty)
        {
            if (await GetLeafAsync(root, cancellationToken).ConfigureAwait(false) is { } leaf)
            {
                yield return leaf;
            }
        }
    }

    // The root itself, or null when it does not exist (v2c/v3 exception states, v1 noSuchName).
    private async Task<SnmpVarBind?> GetLeafAsync(SnmpOid root, CancellationToken cancellationToken)
    {
        try
        {
            IReadOnlyList<SnmpVarBind> single = await GetAsync([root], cancellationToken).ConfigureAwait(false);
            return single.Count == 1 && !single[0].Value.IsException ? single[0] : null;
        }
        catch (SnmpException ex) when (ex.Error == SnmpError.AgentError && ex.ErrorStatus == SnmpErrorStatus.NoSuchName)
        {
            return null;
        }
    }

    private async Task<IReadOnlyList<SnmpVarBind>?> NextPageAsync(
        SnmpOid from, bool bulk, SnmpWalkOptions options, SnmpOid root, SnmpOid? last, int count, CancellationToken cancellationToken)
    {
        try
        {
            return bulk
                ? await GetBulkAsync(0, Math.Max(1, options.MaxRepetitions), [from], cancellationToken).ConfigureAwait(false)
                : await GetNextAsync([from], cancellationToken).ConfigureAwait(false);
        }
        catch (SnmpException ex) when (ex.Error == SnmpError.AgentError && ex.ErrorStatus == SnmpErrorStatus.NoSuchName && Version == SnmpVersion.V1)
        {
            return null;
        }
        catch (SnmpException ex) when (ex.Error == SnmpError.Timeout)
        {
            string reached = last is null ? $" before the first varbind (at {root})" : $" after {count} varbinds; the last OID reached was {last}";
            throw WalkTimeout(root, reached, last ?? root, ex);
        }
    }

    // The sequential and the parallel walk fail alike, so scripts and tests can match one wording.
    private SnmpException OidNotIncreasing(SnmpOid oid, SnmpOid previous) =>
        new(SnmpError.OidNotIncreasing, $"{Target} returned {oid} after {previous}: OIDs must increase (RFC 3416 §4.2.2); the agent's MIB is looping. Turn the check off (net-snmp -Cc) to go on anyway.")
        {
            Oid = oid,
            Target = Target.ToString(),
        };

    // reached follows "stopped" directly and says where the walk got to; oid is the last one reached in order.
    private SnmpException WalkTimeout(SnmpOid root, string reached, SnmpOid oid, SnmpException timeout) =>
        new(SnmpError.Timeout, $"The walk of {root} stopped{reached}. {timeout.Message}", timeout)
        {
            Oid = oid,
            Target = Target.ToString(),
        };
}
