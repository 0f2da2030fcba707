using Microsoft.Extensions.Time.Testing;

namespace PatternsGen.Runtime.Tests.Resilience;

internal static class FakeClock
{
    /// <summary>
    /// Advances fake time in steps until <paramref name="done"/> holds. Continuations that register
    /// the next timer run on other threads, so a single large Advance can race them; stepping cannot.
    /// Bounded, so a broken test fails instead of hanging.
    /// </summary>
    public static async Task AdvanceUntilAsync(this FakeTimeProvider clock, Func<bool> done, TimeSpan step, int maxSteps = 100_000)
    {
        for (var i = 0; i < maxSteps && !done(); i++)
        {
            clock.Advance(step);
            await Task.Yield();
        }

        Assert.True(done(), $"Not done after {maxSteps} steps of {step}.");
    }
}
