using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PatternsGen.Resilience;

namespace PatternsGen.Hosting;

/// <summary>
/// Runs one piece of background work as a hosted service. A failure is logged and the work restarted with
/// exponential backoff and jitter (1 s, doubling to 60 s), never left silently dead; its
/// <see cref="BackgroundWorkStatus"/> shows it to the health check meanwhile. An <see cref="ArgumentException"/> is a
/// setting no restart fixes: it stops the host, as an unhandled failure of a hosted service does, with the error
/// logged. On stop the work's token is cancelled and the host waits for it up to its shutdown timeout: the publisher
/// and the projections finish what they are handling and move their checkpoints past that.
/// </summary>
internal sealed partial class BackgroundWork(
    BackgroundWorkStatus status, Func<IServiceProvider, CancellationToken, Task> work, IServiceProvider services, TimeProvider time, ILogger logger,
    bool leased = false)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var restarts = new RetryPolicy(new RetryOptions
        {
            Name = status.Name,
            MaxAttempts = int.MaxValue,
            InitialDelay = TimeSpan.FromSeconds(1),
            MaxDelay = TimeSpan.FromSeconds(60),
            TimeProvider = time,
            ShouldRetry = static error => error is not ArgumentException,
            OnRetry = attempt =>
            {
                status.Set(BackgroundWorkState.Restarting, attempt.Error);
                Failed(logger, attempt.Error, "background_work", status.Name, null, attempt.Delay.TotalMilliseconds);
            },
        });
        try
        {
            await restarts.ExecuteAsync(
                static async (s, ct) =>
                {
                    if (!s.leased)
                    {
                        s.status.Set(BackgroundWorkState.Running); // leased work says Running only once it holds its lease
                    }

                    await s.work(s.services, ct).ConfigureAwait(false);
                },
                (status, work, services, leased),
                stoppingToken).ConfigureAwait(false);
            status.Set(stoppingToken.IsCancellationRequested ? BackgroundWorkState.Stopped : BackgroundWorkState.Completed);
        }
        catch (Exception error) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a cancellation is the work obeying; anything else still goes on record.
            status.Set(BackgroundWorkState.Stopped, error is OperationCanceledException ? null : error);
        }
        catch (ArgumentException error)
        {
            status.Set(BackgroundWorkState.Failed, error);
            throw; // the host logs it and stops: a service running without this work would only look healthy
        }
    }

    // The fields every PatternsGen log record carries; background work runs outside any request, so no correlation id.
    [LoggerMessage(EventId = 1, Level = LogLevel.Error,
        Message = "Background work {Service} failed; restarting in {DurationMs} ms (pattern={Pattern}, correlation_id={CorrelationId}, duration_ms={DurationMs})")]
    private static partial void Failed(ILogger logger, Exception error, string pattern, string service, string? correlationId, double durationMs);
}
