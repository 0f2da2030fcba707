using System.Text.Json;
using PatternsGen.Coordination;
using PatternsGen.EventSourcing;

namespace PatternsGen.Sagas;

/// <summary>
/// A durable record of saga runs, kept as one stream per run in any <see cref="IEventStore"/> (in
/// memory, SQLite, PostgreSQL). Give a saga a field or property of this type and its generated
/// <c>ExecuteAsync</c> writes each step's completion with its result, each failure and each
/// compensation; the generated <c>ResumeAsync(sagaId)</c> reads the stream back after a crash and
/// goes on forward, or on compensating, from the last thing recorded.
/// </summary>
/// <remarks>
/// Write-ahead of nothing: a step is recorded after it returns, so a crash between its side effect and
/// the record makes <c>ResumeAsync</c> run it again. Steps and compensations are therefore
/// at-least-once; make them idempotent (an idempotency key from the context is the usual way). A
/// step or compensation recorded as done never runs again. When the log itself cannot be written the
/// run stops at once with <see cref="SagaLogException"/>, so what the log says stays the truth.
/// </remarks>
public sealed class SagaLog
{
    private readonly JsonSerializerOptions _json;

    /// <param name="store">Where the runs are kept.</param>
    /// <param name="jsonOptions">
    /// How contexts and step results become JSON: the same rule as <see cref="EventStoreOptions.JsonOptions"/>
    /// (under Native AOT, a source-generated context listing the context and result types).
    /// </param>
    public SagaLog(IEventStore store, JsonSerializerOptions? jsonOptions = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        Store = store;
        _json = jsonOptions ?? DefaultJsonOptions.Instance;
    }

    /// <summary>The store the runs are kept in.</summary>
    public IEventStore Store { get; }

    /// <summary>The instance the runs started through this log belong to. Default: this process (<see cref="ServiceInstance.Id"/>).</summary>
    public string Owner { get; init; } = ServiceInstance.Id;

    /// <summary>A new, time-ordered saga id (a GUID v7 on .NET 9 and later).</summary>
    public static string NewSagaId() =>
#if NET9_0_OR_GREATER
        Guid.CreateVersion7().ToString("N");
#else
        Guid.NewGuid().ToString("N");
#endif

    /// <summary>The stream a run is kept in: <c>saga-{sagaName}-{sagaId}</c>.</summary>
    public static string StreamId(string sagaName, string sagaId) => $"saga-{sagaName}-{sagaId}";

    /// <summary>Records the start of a run.</summary>
    /// <exception cref="InvalidOperationException">A run with this id exists already; resume it instead.</exception>
    /// <exception cref="SagaLogException">The log could not be written.</exception>
    internal async ValueTask<SagaLogWriter> StartAsync<TContext>(string sagaName, string sagaId, TContext context, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(sagaName);
        ArgumentException.ThrowIfNullOrEmpty(sagaId);
        var stream = StreamId(sagaName, sagaId);
        var started = new SagaStarted(sagaName, sagaId, Serialize(context, "context"), Owner);
        try
        {
            await Store.AppendAsync(stream, ExpectedVersion.NoStream, [started], ct).ConfigureAwait(false);
        }
        catch (ConcurrencyException)
        {
            throw new InvalidOperationException($"Saga '{sagaName}' has a run with id '{sagaId}' already; call ResumeAsync to continue it.");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            throw new SagaLogException($"Saga '{sagaName}' run '{sagaId}' could not be started in the log: {error.Message}", error);
        }

        return new SagaLogWriter(this, stream, version: 1);
    }

    /// <summary>Reads a run back. Called by generated code (<c>ResumeAsync</c>); also useful to inspect one.</summary>
    /// <exception cref="InvalidOperationException">There is no run with this id.</exception>
    /// <exception cref="SagaLogException">The stream is not a well-formed saga log.</exception>
    public async ValueTask<SagaHistory> ReadAsync(string sagaName, string sagaId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sagaName);
        ArgumentException.ThrowIfNullOrEmpty(sagaId);
        var history = new SagaHistory(this, sagaName, sagaId);
        await foreach (var recorded in Store.ReadStreamAsync(StreamId(sagaName, sagaId), 0, ct).ConfigureAwait(false))
        {
            history.Apply(recorded);
        }

        return history.Version == 0
            ? throw new InvalidOperationException($"Saga '{sagaName}' has no run with id '{sagaId}'.")
            : history;
    }

    /// <summary>
    /// Every run in the store (of <paramref name="sagaName"/> only, when given) with where it stands:
    /// <see cref="SagaStatus.Running"/>, <see cref="SagaStatus.Compensating"/> and <see cref="SagaStatus.Stalled"/>
    /// runs need <c>ResumeAsync</c>; <see cref="SagaStatus.CompensationFailed"/> runs are the dead letters
    /// that need a person. Reads the whole store: meant for start-up recovery and operations, not hot paths.
    /// </summary>
    public async Task<IReadOnlyList<SagaSummary>> ListAsync(string? sagaName = null, CancellationToken ct = default)
    {
        var runs = new Dictionary<string, SagaHistory>(StringComparer.Ordinal);
        await foreach (var recorded in Store.ReadAllAsync(0, ct).ConfigureAwait(false))
        {
            if (recorded.Data is SagaStarted started && (sagaName is null || started.Saga == sagaName) && recorded.Version == 1)
            {
                runs[recorded.StreamId] = new SagaHistory(this, started.Saga, started.SagaId);
            }

            if (runs.TryGetValue(recorded.StreamId, out var history))
            {
                history.Apply(recorded);
            }
        }

        return runs.Values
            .Select(static h => new SagaSummary(h.SagaName, h.SagaId, h.Status, h.CompensationFailures.Count))
            .ToList();
    }

    internal JsonElement Serialize<T>(T value, string what) => Serialize(value, typeof(T), what);

    internal JsonElement Serialize(object? value, Type type, string what)
    {
        try
        {
            return JsonSerializer.SerializeToElement(value, JsonMetadata.For(type, _json));
        }
        catch (Exception error) when (error is not EventSerializationException)
        {
            throw new EventSerializationException($"The saga {what} ({type}) could not be written as JSON: {error.Message}", error);
        }
    }

    internal object? Deserialize(JsonElement json, Type type, string what)
    {
        try
        {
            return json.Deserialize(JsonMetadata.For(type, _json));
        }
        catch (Exception error) when (error is not EventSerializationException)
        {
            throw new EventSerializationException($"The saga {what} could not be read back as {type}: {error.Message}", error);
        }
    }

    internal T Deserialize<T>(JsonElement json, string what) => (T)Deserialize(json, typeof(T), what)!;

    /// <summary>
    /// Resumes, one after another, every run of <paramref name="sagaName"/> that is running, compensating or
    /// stalled, and that <paramref name="take"/> (when given) takes on.
    /// </summary>
    internal async Task<IReadOnlyList<SagaSummary>> ResumeUnfinishedAsync(
        string sagaName, Func<string, CancellationToken, Task<SagaStatus>> resume, CancellationToken ct, Func<string, CancellationToken, Task<bool>>? take = null)
    {
        ArgumentNullException.ThrowIfNull(resume);
        var resumed = new List<SagaSummary>();
        foreach (var run in await ListAsync(sagaName, ct).ConfigureAwait(false))
        {
            if (run.Status is (SagaStatus.Running or SagaStatus.Compensating or SagaStatus.Stalled)
                && (take is null || await take(run.SagaId, ct).ConfigureAwait(false)))
            {
                var status = await resume(run.SagaId, ct).ConfigureAwait(false);
                var history = await ReadAsync(sagaName, run.SagaId, ct).ConfigureAwait(false);
                resumed.Add(new SagaSummary(sagaName, run.SagaId, status, history.CompensationFailures.Count));
            }
        }

        return resumed;
    }

    /// <summary>
    /// Takes <paramref name="run"/> over for <see cref="Owner"/>, at the version it was read at: false when anyone wrote
    /// to it since (its owner is alive after all, or another instance claimed it first).
    /// </summary>
    internal async ValueTask<bool> ClaimAsync(SagaHistory run, CancellationToken ct)
    {
        try
        {
            await Store.AppendAsync(StreamId(run.SagaName, run.SagaId), run.Version, [new SagaClaimed(Owner, run.Owner)], ct).ConfigureAwait(false);
            return true;
        }
        catch (ConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>
    /// Fails at the start of a run, before any step has run, when <paramref name="type"/> (a step's
    /// result) has no JSON metadata.
    /// </summary>
    /// <exception cref="EventSerializationException">The type cannot be stored.</exception>
    internal void Require(Type type) => JsonMetadata.For(type, _json);
}

/// <summary>One run as <see cref="SagaLog.ListAsync"/> reports it.</summary>
/// <param name="SagaName">The saga class's name.</param>
/// <param name="SagaId">The run's id, for <c>ResumeAsync</c>.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="FailedCompensations">Compensations dead-lettered (see <see cref="SagaCompensationFailed"/>).</param>
public sealed record SagaSummary(string SagaName, string SagaId, SagaStatus Status, int FailedCompensations);
