using CsCheck;
using PatternsGen.Resilience;

namespace PatternsGen.Runtime.Tests.Resilience;

/// <summary>Bounds of the delay sequences, for any settings and any random draws.</summary>
public sealed class BackoffPropertyTests
{
    private static readonly Gen<(RetryOptions Options, double[] Draws)> Settings =
        from initialMs in Gen.Int[0, 5_000]
        from extraMs in Gen.Int[0, 120_000]
        from mode in Gen.Enum<RetryJitterMode>()
        from draws in Gen.Double[0, 0.999999].Array[1, 30]
        select (new RetryOptions
        {
            InitialDelay = TimeSpan.FromMilliseconds(initialMs),
            MaxDelay = TimeSpan.FromMilliseconds(initialMs + extraMs),
            Jitter = true,
            JitterMode = mode,
        }, draws);

    [Fact]
    public void Jittered_delays_stay_within_their_modes_bounds() =>
        Settings.Sample(s =>
        {
            var previous = TimeSpan.Zero;
            for (var attempt = 1; attempt <= s.Draws.Length; attempt++)
            {
                var before = previous;
                var delay = Backoff.Next(s.Options, attempt, ref previous, s.Draws[attempt - 1]);
                var exponential = Backoff.Exponential(s.Options.InitialDelay, s.Options.MaxDelay, attempt);
                var ok = s.Options.JitterMode == RetryJitterMode.Full
                    ? delay >= TimeSpan.Zero && delay <= exponential
                    : delay >= s.Options.InitialDelay && delay <= s.Options.MaxDelay
                      && (before == TimeSpan.Zero || delay.Ticks <= Math.Max(s.Options.InitialDelay.Ticks, before.Ticks * 3));
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        });

    [Fact]
    public void Without_jitter_delays_double_from_the_initial_delay_until_the_cap() =>
        Settings.Sample(s =>
        {
            var options = new RetryOptions { InitialDelay = s.Options.InitialDelay, MaxDelay = s.Options.MaxDelay, Jitter = false };
            var previous = TimeSpan.Zero;
            var expected = options.InitialDelay;
            for (var attempt = 1; attempt <= s.Draws.Length; attempt++)
            {
                if (Backoff.Next(options, attempt, ref previous, s.Draws[attempt - 1]) != (expected < options.MaxDelay ? expected : options.MaxDelay))
                {
                    return false;
                }

                expected = TimeSpan.FromTicks(Math.Min(expected.Ticks * 2, TimeSpan.MaxValue.Ticks / 4));
            }

            return true;
        });
}
