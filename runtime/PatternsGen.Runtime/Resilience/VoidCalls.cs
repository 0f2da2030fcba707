using System.Runtime.CompilerServices;

namespace PatternsGen.Resilience;

/// <summary>
/// Runs a call that returns <see cref="ValueTask"/> through a strategy's generic core, so that each strategy
/// implements one core only. Nothing is allocated when the call completes synchronously.
/// </summary>
internal static class VoidCalls
{
    /// <summary>The generic form of a void call: its result is a placeholder <see langword="true"/>.</summary>
    public static ValueTask<bool> Invoke<TState>((Func<TState, CancellationToken, ValueTask> Action, TState State) call, CancellationToken ct) =>
        Complete(call.Action(call.State, ct));

    /// <summary>The same for a call without state.</summary>
    public static ValueTask<bool> Invoke(Func<CancellationToken, ValueTask> action, CancellationToken ct) => Complete(action(ct));

    /// <summary>Drops the placeholder result again.</summary>
    public static ValueTask Discard(ValueTask<bool> pending) =>
        pending.IsCompletedSuccessfully ? default : DiscardAsync(pending);

    private static ValueTask<bool> Complete(ValueTask pending) =>
        pending.IsCompletedSuccessfully ? new ValueTask<bool>(true) : AwaitAsync(pending);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<bool> AwaitAsync(ValueTask pending)
    {
        await pending.ConfigureAwait(false);
        return true;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private static async ValueTask DiscardAsync(ValueTask<bool> pending) => await pending.ConfigureAwait(false);
}
