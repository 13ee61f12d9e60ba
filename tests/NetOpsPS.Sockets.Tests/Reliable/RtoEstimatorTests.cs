using System;
using NetOpsPS.Sockets.Reliable.Internal;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Reliable;

/// <summary>The RFC 6298 arithmetic, checked against values worked by hand.</summary>
public sealed class RtoEstimatorTests
{
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);

    [Fact]
    public void BeforeAnySampleTheInitialRtoApplies()
    {
        var rto = new RtoEstimator(TimeSpan.FromSeconds(1), 200 * Ms, TimeSpan.FromSeconds(60));
        Assert.Equal(TimeSpan.FromSeconds(1), rto.Rto);
        Assert.False(rto.HasSample);
    }

    [Fact]
    public void TheFirstSampleSetsSrttAndHalfOfItAsRttvar()
    {
        var rto = new RtoEstimator(TimeSpan.FromSeconds(1), Ms, TimeSpan.FromSeconds(60));
        rto.Sample(100 * Ms);
        Assert.Equal(100 * Ms, rto.SmoothedRtt);
        Assert.Equal(50 * Ms, rto.RttVariance);
        Assert.Equal(300 * Ms, rto.Rto); // 100 + 4 * 50
    }

    [Fact]
    public void LaterSamplesSmoothWithAlphaAndBeta()
    {
        var rto = new RtoEstimator(TimeSpan.FromSeconds(1), Ms, TimeSpan.FromSeconds(60));
        rto.Sample(100 * Ms);
        rto.Sample(200 * Ms);
        // RTTVAR = 3/4 * 50 + 1/4 * |100 - 200| = 62.5; SRTT = 7/8 * 100 + 1/8 * 200 = 112.5
        Assert.Equal(62.5 * Ms, rto.RttVariance);
        Assert.Equal(112.5 * Ms, rto.SmoothedRtt);
        Assert.Equal(362.5 * Ms, rto.Rto);
    }

    [Fact]
    public void TheRtoIsClampedAndBacksOffToTheMaximum()
    {
        var rto = new RtoEstimator(TimeSpan.FromSeconds(1), 200 * Ms, TimeSpan.FromSeconds(2));
        rto.Sample(Ms);
        Assert.Equal(200 * Ms, rto.Rto);
        rto.Backoff();
        Assert.Equal(400 * Ms, rto.Rto);
        for (int i = 0; i < 5; i++)
        {
            rto.Backoff();
        }

        Assert.Equal(TimeSpan.FromSeconds(2), rto.Rto);
        rto.Sample(Ms);
        Assert.Equal(200 * Ms, rto.Rto);
    }
}
