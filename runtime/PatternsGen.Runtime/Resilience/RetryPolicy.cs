using System.Runtime.CompilerServices;

namespace PatternsGen.Resilience;

/// <summary>
/// Retries a failing call with exponential backoff and jitter.
/// The first attempt costs one delegate call and, when it completes synchronously, allocates nothing;
/// everything else happens only after a failure. Delays run on <see cref="RetryOptions.TimeProvider"/>.
/// </summary>
public sealed class RetryPolicy : ResilienceStrategy
{
    private readonly RetryOptions _options;
    private readonly TimeProvider _clock;

    /// <summary>Creates a policy with <paramref name="options"/>.</summary>
    /// <param name="options">The settings; validated here.</param>
    public RetryPolicy(RetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _clock = options.TimeProvider;
    }

    /// <summary>The policy's <see cref="RetryOptions.Name"/>.</summary>
    public string Name => _options.Name;

    /// <summary>Runs the call, retrying handled failures; once attempts run out, or a failure is not retried, the call fails with the last attempt's exception.</summary>
    internal override ValueTask<T> ExecuteCoreAsync<TState, T>(Func<TState, CancellationToken, ValueTask<T>> action, TState state, CancellationToken ct)
    {
        var started = ResilienceTelemetry.MeasuresAttempts ? _clock.GetTimestamp() : 0;
        var pending = Invoke(action, state, ct);
        if (pending.IsCompletedSuccessfully)
        {
            ResilienceTelemetry.AttemptFinished(_options.Name, started, _clock, success: true);
            return pending;
        }

        return RetryAsync(pending, started, action, state, ct);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<T> RetryAsync<TState, T>(
        ValueTask<T> pending, long started, Func<TState, CancellationToken, ValueTask<T>> action, TState state, CancellationToken ct)
    {
        var firstStarted = started != 0 ? started : _clock.GetTimestamp();
        var previousDelay = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan delay;
            try
            {
                var result = await pending.ConfigureAwait(false);
                ResilienceTelemetry.AttemptFinished(_options.Name, started, _clock, success: true);
                return result;
            }
            catch (Exception error)
            {
                ResilienceTelemetry.AttemptFinished(_options.Name, started, _clock, success: false);
                if (ct.IsCancellationRequested || !Backoff.Retries(_options, error, attempt))
                {
                    if (attempt > 1)
                    {
                        ResilienceTelemetry.GaveUp(_options.Name, attempt, _clock.GetElapsedTime(firstStarted).TotalMilliseconds, error, _options.Logger);
                    }

                    throw;
                }

                delay = Backoff.After(_options, attempt, error, ref previousDelay);

                ResilienceTelemetry.Retrying(_options.Name, attempt, delay, error, _options.Logger);
                _options.OnRetry?.Invoke(new RetryAttempt(_options.Name, attempt, delay, error));
            }

            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _clock, ct).ConfigureAwait(false);
            }

            started = ResilienceTelemetry.MeasuresAttempts ? _clock.GetTimestamp() : 0;
            pending = Invoke(action, state, ct);
        }
    }

    private static ValueTask<T> Invoke<TState, T>(Func<TState, CancellationToken, ValueTask<T>> action, TState state, CancellationToken ct)
    {
        try
        {
            return action(state, ct);
        }
        catch (Exception error)
        {
            return ValueTask.FromException<T>(error);
        }
    }
}
