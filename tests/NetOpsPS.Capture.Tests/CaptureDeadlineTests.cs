using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using NetOpsPS.Capture.Live;
using Xunit;

namespace NetOpsPS.Capture.Tests;

/// <summary>
/// The deadline behind a capture's -Duration. Many timers at once are what makes bare .NET timers fire early
/// (each wakes the timer thread, which then finds others due by its millisecond count): with 500 bare timers
/// of 1-20 ms, 10-45 % fired before their time by the Stopwatch, up to 2.3 ms early.
/// </summary>
public sealed class CaptureDeadlineTests
{
    [Fact]
    public void FiveHundredDeadlinesAtOnceEachCallBackNoEarlierThanItsTime()
    {
        const int count = 500;
        var elapsed = new TimeSpan[count];
        var deadlines = new CaptureDeadline[count];
        using var all = new CountdownEvent(count);
        for (int i = 0; i < count; i++)
        {
            int k = i;
            var clock = Stopwatch.StartNew();
            deadlines[k] = new CaptureDeadline(clock, Due(k), () =>
            {
                elapsed[k] = clock.Elapsed;
                all.Signal();
            });
        }

        try
        {
            Assert.True(all.Wait(TimeSpan.FromSeconds(30)), $"{all.CurrentCount} of {count} deadlines never called back");
        }
        finally
        {
            foreach (CaptureDeadline deadline in deadlines)
            {
                deadline.Dispose();
            }
        }

        int[] early = Enumerable.Range(0, count).Where(k => elapsed[k] < Due(k)).ToArray();
        Assert.True(early.Length == 0, $"{early.Length} called back early, e.g. #{early.FirstOrDefault()}: {elapsed[early.FirstOrDefault()].TotalMilliseconds} ms of {Due(early.FirstOrDefault()).TotalMilliseconds}");
    }

    [Fact]
    public void ADisposedDeadlineNeverCallsBack()
    {
        var clock = Stopwatch.StartNew();
        int calls = 0;
        using (new CaptureDeadline(clock, TimeSpan.FromMilliseconds(20), () => Interlocked.Increment(ref calls)))
        {
        }

        WaitOnTheSameClock(clock, TimeSpan.FromMilliseconds(200));
        Assert.Equal(0, Volatile.Read(ref calls));
    }

    [Theory]
    [InlineData(null)] // no -Duration
    [InlineData(100.0)] // longer than a Timer can wait (49.7 days): accepted, armed a day at a time
    public void ADeadlineNotYetDueNeverCallsBack(double? days)
    {
        var clock = Stopwatch.StartNew();
        int calls = 0;
        using var deadline = new CaptureDeadline(clock, days is null ? null : TimeSpan.FromDays(days.Value), () => Interlocked.Increment(ref calls));
        WaitOnTheSameClock(clock, TimeSpan.FromMilliseconds(200));
        Assert.Equal(0, Volatile.Read(ref calls));
    }

    [Fact]
    public void AZeroDurationCallsBackAtOnce()
    {
        using var due = new ManualResetEventSlim();
        using (new CaptureDeadline(Stopwatch.StartNew(), TimeSpan.Zero, due.Set))
        {
            Assert.True(due.Wait(TimeSpan.FromSeconds(30)), "a zero deadline never called back");
        }
    }

    // A later deadline on the same clock calling back means an earlier one's time has long passed.
    private static void WaitOnTheSameClock(Stopwatch clock, TimeSpan due)
    {
        using var later = new ManualResetEventSlim();
        using (new CaptureDeadline(clock, due, later.Set))
        {
            Assert.True(later.Wait(TimeSpan.FromSeconds(30)), "the later deadline never called back");
        }
    }

    private static TimeSpan Due(int k) => TimeSpan.FromMilliseconds((k % 20) + 1);
}
