using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Devices.Netconf;
using NetOpsPS.Devices.Push;
using NetOpsPS.TestSupport.Peers;
using Xunit;

namespace NetOpsPS.Devices.Tests.Push;

/// <summary>
/// Batch pushes to eleven real netconfd peers, checked afterwards with ncclient: what committed is what
/// the servers hold, failed and dry-run devices are unchanged, and no candidate is left edited or locked.
/// </summary>
public sealed class BatchPushPeerTests : IClassFixture<PushFleetFixture>
{
    private const int Bad = 6;
    private readonly PushFleetFixture _fleet;

    public BatchPushPeerTests(PushFleetFixture fleet) => _fleet = fleet;

    [Fact]
    public async Task EveryDeviceButTheFailedOneIsCommittedAndTheFailedOneIsUnchanged()
    {
        NetconfState[] before = _fleet.States();
        string tag = Tag();
        using var logStream = new MemoryStream();
        using var log = new PushLog(logStream, ownsStream: false);
        var streamed = new List<string>();

        IReadOnlyList<NetDevicePushResult> results = await BatchPush.RunAsync(
            _fleet.Requests(tag, Bad), _fleet.Connector,
            new BatchPushOptions { ThrottleLimit = 4, Log = log, ResultReady = r => { lock (streamed) { streamed.Add(r.Device); } } },
            CancellationToken.None);

        NetconfState[] after = _fleet.States();
        Assert.Equal(PushFleetFixture.Size, streamed.Count);
        for (int i = 0; i < PushFleetFixture.Size; i++)
        {
            NetDevicePushResult result = results[i];
            if (i == Bad)
            {
                Assert.Equal(PushStatus.RolledBack, result.Status);
                Assert.Equal(PushStep.Edit, result.Step);
                Assert.False(result.Committed);
                Assert.Contains("invalid-value", result.Error, StringComparison.Ordinal);
                Assert.Equal(before[i].Running, after[i].Running);
            }
            else
            {
                Assert.True(result.Status == PushStatus.Committed, $"dev{i:00}: {result.Status} at {result.Step}: {result.Error}");
                Assert.Equal(PushValidation.Passed, result.Validation);
                Assert.Null(result.Error);
                Assert.Contains(result.Diff!.Entries, e => e.Kind == NetconfDiffKind.Changed && e.NewValue == $"{tag}-dev{i:00}");
                Assert.Equal($"{tag}-dev{i:00}", after[i].RunningValue("contact"));
                Assert.Equal($"rack {i}", after[i].RunningValue("location"));
            }

            Assert.Equal(after[i].Running, after[i].Candidate);
            Assert.True(after[i].CandidateLockable, $"dev{i:00} left locked");
        }

        JsonElement[] lines = LogLines(logStream);
        Assert.All(lines, l => Assert.Equal(log.BatchId, l.GetProperty("batch").GetString()));
        Assert.Equal(PushFleetFixture.Size, lines.Count(l => l.GetProperty("step").GetString() == "done"));
        Assert.Contains(lines, l => l.GetProperty("device").GetString() == $"dev{Bad:00}" && l.GetProperty("step").GetString() == "edit"
            && l.GetProperty("outcome").GetString() == "failed");
        Assert.Contains(lines, l => l.GetProperty("device").GetString() == $"dev{Bad:00}" && l.GetProperty("step").GetString() == "discard"
            && l.GetProperty("outcome").GetString() == "ok");
        Assert.DoesNotContain(lines, l => l.GetRawText().Contains(Peer.TestUserPassword, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADryRunReturnsDiffsAndLeavesEveryDeviceUnchanged()
    {
        NetconfState[] before = _fleet.States();
        string tag = Tag();

        IReadOnlyList<NetDevicePushResult> results = await BatchPush.RunAsync(
            _fleet.Requests(tag), _fleet.Connector, new BatchPushOptions { DryRun = true, ThrottleLimit = 6 }, CancellationToken.None);

        NetconfState[] after = _fleet.States();
        for (int i = 0; i < PushFleetFixture.Size; i++)
        {
            Assert.True(results[i].Status == PushStatus.DryRun, $"dev{i:00}: {results[i].Status} at {results[i].Step}: {results[i].Error}");
            Assert.Equal(PushValidation.Passed, results[i].Validation);
            NetconfDiffEntry contact = Assert.Single(results[i].Diff!.Entries, e => e.Path.EndsWith("contact", StringComparison.Ordinal));
            Assert.Equal(NetconfDiffKind.Changed, contact.Kind);
            Assert.Equal(before[i].RunningValue("contact"), contact.OldValue);
            Assert.Equal($"{tag}-dev{i:00}", contact.NewValue);
            Assert.Equal(before[i].Running, after[i].Running);
            Assert.Equal(after[i].Running, after[i].Candidate);
            Assert.True(after[i].CandidateLockable);
        }
    }

    [Fact]
    public async Task AConfirmWindowIsCancelledEverywhereWhenOneDeviceFails()
    {
        NetconfState[] before = _fleet.States();

        IReadOnlyList<NetDevicePushResult> results = await BatchPush.RunAsync(
            _fleet.Requests(Tag(), Bad), _fleet.Connector,
            new BatchPushOptions { ConfirmTimeout = TimeSpan.FromMinutes(5), ThrottleLimit = PushFleetFixture.Size }, CancellationToken.None);

        NetconfState[] after = _fleet.States();
        Assert.All(results, r => Assert.NotEqual(PushStatus.Committed, r.Status));
        Assert.Contains(results, r => r.Status == PushStatus.RolledBack && r.Step == PushStep.CancelCommit);
        Assert.Contains("dev06 failed", results[0].Error ?? results[1].Error, StringComparison.Ordinal);
        for (int i = 0; i < PushFleetFixture.Size; i++)
        {
            Assert.Equal(before[i].Running, after[i].Running);
            Assert.Equal(after[i].Running, after[i].Candidate);
            Assert.True(after[i].CandidateLockable);
        }
    }

    [Fact]
    public async Task AConfirmWindowIsConfirmedEverywhereWhenAllSucceed()
    {
        string tag = Tag();
        using var logStream = new MemoryStream();
        using var log = new PushLog(logStream, ownsStream: false);

        IReadOnlyList<NetDevicePushResult> results = await BatchPush.RunAsync(
            _fleet.Requests(tag), _fleet.Connector,
            new BatchPushOptions { ConfirmTimeout = TimeSpan.FromMinutes(5), ThrottleLimit = 6, Log = log }, CancellationToken.None);

        NetconfState[] after = _fleet.States();
        JsonElement[] lines = LogLines(logStream);
        for (int i = 0; i < PushFleetFixture.Size; i++)
        {
            Assert.True(results[i].Status == PushStatus.Committed, $"dev{i:00}: {results[i].Status} at {results[i].Step}: {results[i].Error}");
            Assert.Equal($"{tag}-dev{i:00}", after[i].RunningValue("contact"));
            Assert.Contains(lines, l => l.GetProperty("device").GetString() == $"dev{i:00}" && l.GetProperty("step").GetString() == "confirm"
                && l.GetProperty("outcome").GetString() == "ok");
        }
    }

    [Fact]
    public async Task StopOnErrorStartsNoDeviceAfterTheFailure()
    {
        NetconfState[] before = _fleet.States();

        IReadOnlyList<NetDevicePushResult> results = await BatchPush.RunAsync(
            _fleet.Requests(Tag(), 0), _fleet.Connector, new BatchPushOptions { ThrottleLimit = 1, StopOnError = true }, CancellationToken.None);

        NetconfState[] after = _fleet.States();
        Assert.Equal(PushStatus.RolledBack, results[0].Status);
        for (int i = 1; i < PushFleetFixture.Size; i++)
        {
            Assert.Equal(PushStatus.Skipped, results[i].Status);
            Assert.Contains("dev00", results[i].Error, StringComparison.Ordinal);
            Assert.Equal(before[i].Running, after[i].Running);
        }
    }

    [Fact]
    public async Task ACancelMidBatchLeavesEveryDeviceCommittedOrUnchanged()
    {
        NetconfState[] before = _fleet.States();
        string tag = Tag();
        using var cancel = new CancellationTokenSource();
        int committed = 0;

        IReadOnlyList<NetDevicePushResult> results = await BatchPush.RunAsync(
            _fleet.Requests(tag), _fleet.Connector,
            new BatchPushOptions
            {
                ThrottleLimit = 2,
                ResultReady = r =>
                {
                    if (r.Committed && Interlocked.Increment(ref committed) == 3)
                    {
                        cancel.Cancel();
                    }
                },
            },
            cancel.Token);

        NetconfState[] after = _fleet.States();
        Assert.Contains(results, r => r.Status == PushStatus.Skipped);
        Assert.True(results.Count(r => r.Committed) >= 3);
        for (int i = 0; i < PushFleetFixture.Size; i++)
        {
            string expected = results[i].Committed ? $"{tag}-dev{i:00}" : before[i].RunningValue("contact")!;
            Assert.Equal(expected, after[i].RunningValue("contact"));
            Assert.Equal(after[i].Running, after[i].Candidate);
            Assert.True(after[i].CandidateLockable, $"dev{i:00} left locked");
        }
    }

    private static string Tag() => "t" + Guid.NewGuid().ToString("N")[..8];

    private static JsonElement[] LogLines(MemoryStream stream) =>
        System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToArray();
}
