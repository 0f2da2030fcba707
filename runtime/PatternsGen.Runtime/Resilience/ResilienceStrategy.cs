namespace PatternsGen.Resilience;

/// <summary>
/// What every strategy and every pipeline is: one way to run a call. A strategy implements a single core that
/// takes a state-passing action; the four ways to call it are written here, once.
/// </summary>
/// <remarks>
/// The strategies are <see cref="CircuitBreaker"/>, <see cref="RetryPolicy"/>, <see cref="Bulkhead"/>, the
/// timeouts of <see cref="ResiliencePipelineBuilder.AddTimeout(TimeSpan)"/>, and <see cref="ResiliencePipeline"/> itself,
/// so that a pipeline can stand wherever a strategy can. A failure travels as a faulted <see cref="ValueTask{T}"/>;
/// a call that completes synchronously allocates nothing on the way through.
/// </remarks>
public abstract class ResilienceStrategy
{
    private protected ResilienceStrategy()
    {
    }

    /// <summary>Runs <paramref name="action"/> through this strategy.</summary>
    public ValueTask<T> ExecuteAsync<T>(Func<CancellationToken, ValueTask<T>> action, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        return ExecuteCoreAsync(static (a, token) => a(token), action, ct);
    }

    /// <summary>Runs <paramref name="action"/> through this strategy.</summary>
    public ValueTask ExecuteAsync(Func<CancellationToken, ValueTask> action, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        return VoidCalls.Discard(ExecuteCoreAsync(VoidCalls.Invoke, action, ct));
    }

    /// <summary>Runs <paramref name="action"/> with <paramref name="state"/> through this strategy; a static lambda needs no closure.</summary>
    public ValueTask ExecuteAsync<TState>(Func<TState, CancellationToken, ValueTask> action, TState state, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        return VoidCalls.Discard(ExecuteCoreAsync(VoidCalls.Invoke<TState>, (action, state), ct));
    }

    /// <summary>Runs <paramref name="action"/> with <paramref name="state"/> through this strategy; a static lambda needs no closure.</summary>
    public ValueTask<T> ExecuteAsync<TState, T>(Func<TState, CancellationToken, ValueTask<T>> action, TState state, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        return ExecuteCoreAsync(action, state, ct);
    }

    /// <summary>
    /// The strategy itself. <paramref name="action"/> is not null. A synchronous throw from it is the strategy's
    /// to catch, and what the caller sees is the returned task: it never throws itself.
    /// </summary>
    internal abstract ValueTask<T> ExecuteCoreAsync<TState, T>(Func<TState, CancellationToken, ValueTask<T>> action, TState state, CancellationToken ct);
}
