using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Xunit.Sdk;

namespace NetOpsPS.Sockets.Tests.Client;

/// <summary>Waits on observable state with a deadline: never a sleep standing in for synchronisation.</summary>
internal static class Eventually
{
    private static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);

    public static async Task True(Func<bool> condition, Func<string> what, TimeSpan? deadline = null)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan limit = deadline ?? DefaultDeadline;
        while (!condition())
        {
            if (clock.Elapsed > limit)
            {
                throw new XunitException($"Still waiting after {limit.TotalSeconds:0} s for: {what()}");
            }

            await Task.Delay(Poll);
        }
    }
}
