using System.Runtime.CompilerServices;

namespace PatternsGen.EventSourcing;

/// <summary>Catch-up-then-live reading of the global stream: the base of projections and publishers.</summary>
public static class EventSubscriptions
{
    /// <summary>
    /// Every event with <c>Position &gt; fromPosition</c>, in position order, then each new event as it is
    /// appended, until <paramref name="ct"/> is cancelled. Store the last <see cref="RecordedEvent.Position"/>
    /// handled as your checkpoint and pass it back here to resume.
    /// </summary>
    /// <remarks>
    /// Appends made in this process wake the subscription at once (<see cref="IAppendNotifier"/>); appends
    /// by other processes are seen at the next poll (<see cref="SubscriptionOptions.PollInterval"/>).
    /// </remarks>
    public static IAsyncEnumerable<RecordedEvent> SubscribeToAllAsync(
        this IEventStore store,
        long fromPosition = 0,
        SubscriptionOptions? options = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        EventEncoder.ValidateFrom(fromPosition, nameof(fromPosition));
        options ??= new SubscriptionOptions();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.PollInterval, TimeSpan.Zero, nameof(options.PollInterval));
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options.TimeProvider));
        return Subscribe(store, fromPosition, options, ct);
    }

    private static async IAsyncEnumerable<RecordedEvent> Subscribe(
        IEventStore store, long checkpoint, SubscriptionOptions options, [EnumeratorCancellation] CancellationToken ct)
    {
        var signal = (store as IAppendNotifier)?.Appends;
        while (true)
        {
            var appended = signal?.NextAppend; // before the read: an append during it still wakes us
            var any = false;
            await foreach (var e in store.ReadAllAsync(checkpoint, ct).ConfigureAwait(false))
            {
                any = true;
                checkpoint = e.Position;
                yield return e;
            }

            if (any)
            {
                continue; // more may have arrived while the consumer worked
            }

            await GlobalStreamFollower.WaitForAppendAsync(appended, options.PollInterval, options.TimeProvider, ct).ConfigureAwait(false);
        }
    }
}

/// <summary>Options of <see cref="EventSubscriptions.SubscribeToAllAsync"/>.</summary>
public sealed class SubscriptionOptions
{
    /// <summary>How often to look for events appended by other processes. Default 500 ms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The clock the poll waits on.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
