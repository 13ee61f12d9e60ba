using System;
using System.Linq;
using NetOpsPS.Sockets.Load.Internal;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Load;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void SmallValuesAreExact()
    {
        var histogram = new LatencyHistogram();
        for (int value = 1; value <= 100; value++)
        {
            histogram.Record(value);
        }

        Assert.Equal(100, histogram.Count);
        Assert.Equal(50, histogram.ValueAtPercentile(50));
        Assert.Equal(90, histogram.ValueAtPercentile(90));
        Assert.Equal(99, histogram.ValueAtPercentile(99));
        Assert.Equal(100, histogram.ValueAtPercentile(99.9));
        Assert.Equal(100, histogram.ValueAtPercentile(100));
        Assert.Equal(1, histogram.ValueAtPercentile(0));
        Assert.Equal(1, histogram.Min);
        Assert.Equal(100, histogram.Max);
        Assert.Equal(50.5, histogram.Mean);
    }

    [Fact]
    public void AUniformDistributionIsWithinOnePercentAtEveryPercentile()
    {
        var histogram = new LatencyHistogram();
        const int n = 1_000_000;
        for (int value = 1; value <= n; value++)
        {
            histogram.Record(value);
        }

        foreach (double percentile in new[] { 1, 10, 50, 90, 99, 99.9, 99.99 })
        {
            double exact = Math.Ceiling(percentile / 100 * n);
            AssertWithin(exact, histogram.ValueAtPercentile(percentile), 0.01);
        }

        Assert.Equal(n, histogram.Max);
        Assert.Equal(n, histogram.ValueAtPercentile(100));
        Assert.Equal((n + 1) / 2.0, histogram.Mean);
    }

    [Fact]
    public void AnExponentialDistributionMatchesItsQuantiles()
    {
        // Quantile of an exponential law with mean m: -m ln(1 - p). A fixed seed keeps the sample the same on every run.
        var random = new Random(20261124);
        var histogram = new LatencyHistogram();
        const double mean = 250;
        long[] values = new long[400_000];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (long)Math.Round(-mean * Math.Log(1 - random.NextDouble())) + 40;
            histogram.Record(values[i]);
        }

        Array.Sort(values);
        foreach (double percentile in new[] { 50, 90, 99, 99.9 })
        {
            long exact = values[(int)Math.Ceiling(percentile / 100 * values.Length) - 1];
            AssertWithin(exact, histogram.ValueAtPercentile(percentile), 0.01);
            AssertWithin(40 + (-mean * Math.Log(1 - (percentile / 100))), histogram.ValueAtPercentile(percentile), 0.05);
        }

        Assert.Equal(values[^1], histogram.Max);
        Assert.Equal(values[0], histogram.Min);
    }

    [Fact]
    public void ABimodalDistributionPutsP99InTheSlowMode()
    {
        // 98.5 % fast replies near 30 µs, 1.5 % slow ones near 40 ms: the tail a mean would hide.
        var histogram = new LatencyHistogram();
        for (int i = 0; i < 98_500; i++)
        {
            histogram.Record(30 + (i % 5));
        }

        for (int i = 0; i < 1_500; i++)
        {
            histogram.Record(40_000 + i);
        }

        Assert.Equal(32, histogram.ValueAtPercentile(50));
        Assert.Equal(34, histogram.ValueAtPercentile(98.5));
        AssertWithin(40_500, histogram.ValueAtPercentile(99), 0.01);
        AssertWithin(41_399, histogram.ValueAtPercentile(99.9), 0.01);
        Assert.Equal(41_499, histogram.Max);
    }

    [Fact]
    public void MergingGivesTheSameAsRecordingEverythingInOne()
    {
        var random = new Random(7);
        var parts = Enumerable.Range(0, 4).Select(_ => new LatencyHistogram()).ToArray();
        var whole = new LatencyHistogram();
        for (int i = 0; i < 100_000; i++)
        {
            long value = random.Next(1, 5_000_000);
            parts[i % parts.Length].Record(value);
            whole.Record(value);
        }

        var merged = new LatencyHistogram();
        foreach (LatencyHistogram part in parts)
        {
            merged.Add(part);
        }

        merged.Add(new LatencyHistogram());
        Assert.Equal(whole.Count, merged.Count);
        Assert.Equal(whole.Max, merged.Max);
        Assert.Equal(whole.Min, merged.Min);
        Assert.Equal(whole.Mean, merged.Mean);
        foreach (double percentile in new[] { 0, 25, 50, 75, 90, 99, 99.9, 100 })
        {
            Assert.Equal(whole.ValueAtPercentile(percentile), merged.ValueAtPercentile(percentile));
        }
    }

    [Fact]
    public void HugeAndNegativeValuesStayBoundedAndTheMaximumStaysExact()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(-5);
        histogram.Record(long.MaxValue);
        histogram.Record(LatencyHistogram.HighestTrackable * 4);

        Assert.Equal(3, histogram.Count);
        Assert.Equal(0, histogram.Min);
        Assert.Equal(long.MaxValue, histogram.Max);
        Assert.Equal(0, histogram.ValueAtPercentile(10));
        AssertWithin(LatencyHistogram.HighestTrackable, histogram.ValueAtPercentile(50), 0.01);
    }

    [Fact]
    public void AnEmptyHistogramReportsZeroAndRejectsABadPercentile()
    {
        var histogram = new LatencyHistogram();
        Assert.Equal(0, histogram.ValueAtPercentile(99));
        Assert.Equal(0, histogram.Max);
        Assert.Equal(0, histogram.Min);
        Assert.Equal(0, histogram.Mean);
        Assert.Throws<ArgumentOutOfRangeException>(() => histogram.ValueAtPercentile(100.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => histogram.ValueAtPercentile(double.NaN));
    }

    private static void AssertWithin(double expected, long actual, double relative) =>
        Assert.True(Math.Abs(actual - expected) <= expected * relative, $"expected {expected} within {relative:P1}, got {actual}");
}
