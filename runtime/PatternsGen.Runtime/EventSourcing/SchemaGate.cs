namespace PatternsGen.EventSourcing;

/// <summary>
/// For store implementations: runs the "create the schema" step once per store object, on first use,
/// however many calls arrive together. A failed attempt is retried by the next call.
/// </summary>
public sealed class SchemaGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _ready;

    /// <summary>True once the schema step has succeeded.</summary>
    public bool IsReady => _ready;

    /// <summary>Runs <paramref name="create"/> unless it has already succeeded; concurrent callers wait for the one that runs it.</summary>
    public async ValueTask EnsureAsync<TState>(Func<TState, CancellationToken, ValueTask> create, TState state, CancellationToken ct)
    {
        if (_ready)
        {
            return;
        }

        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (!_ready)
            {
                await create(state, ct).ConfigureAwait(false);
                _ready = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
