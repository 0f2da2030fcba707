namespace PatternsGen.EventSourcing;

/// <summary>
/// Wakes readers of the global stream when this process appends, so live subscriptions need not wait
/// for their next poll. Stores that have one implement <see cref="IAppendNotifier"/>.
/// </summary>
public sealed class AppendSignal
{
    private TaskCompletionSource _next = NewSource();

    /// <summary>
    /// Completes when an append is signalled after this call. Take it <em>before</em> reading, so an
    /// append that commits between the read and the wait is not missed.
    /// </summary>
    public Task NextAppend => Volatile.Read(ref _next).Task;

    /// <summary>Called by a store after an append commits.</summary>
    public void Signal() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>A store that signals its own appends to readers in the same process.</summary>
public interface IAppendNotifier
{
    /// <summary>The store's signal.</summary>
    AppendSignal Appends { get; }
}
