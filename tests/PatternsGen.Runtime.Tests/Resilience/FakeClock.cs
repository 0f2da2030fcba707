using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace PatternsGen.Runtime.Tests.Resilience;

internal static class FakeClock
{
    /// <summary>
    /// Advances fake time in steps until <paramref name="done"/> holds. Continuations that register
    /// the next timer run on pool threads, so a single large Advance can race them; stepping cannot.
    /// The bound is real time, not a step count: on a busy machine a pool thread can wait longer than
    /// thousands of steps take, and a broken test still fails instead of hanging.
    /// </summary>
    public static async Task AdvanceUntilAsync(this FakeTimeProvider clock, Func<bool> done, TimeSpan step)
    {
        var limit = TimeSpan.FromSeconds(30);
        var watch = Stopwatch.StartNew();
        for (var i = 1; !done() && watch.Elapsed < limit; i++)
        {
            clock.Advance(step);

            // Every so often give the pool's threads the processor outright, not just a yield.
            if (i % 256 == 0)
            {
                await Task.Delay(1);
            }
            else
            {
                await Task.Yield();
            }
        }

        Assert.True(done(), $"Not done after {limit} of real time, stepping {step} of fake time.");
    }
}
