using PatternsGen.EventSourcing;
using PatternsGen.Messaging;
using PatternsGen.Resilience;

namespace PatternsGen.Projections;

/// <summary>
/// Feeds projections from an event store's global stream, each from its own durable checkpoint: catch-up
/// first, then live. Each projection runs on its own; one that fails on an event retries it, then parks
/// it (<see cref="ProjectionOptions.Parked"/>) and goes on, without holding up the others.
/// </summary>
/// <remarks>
/// The checkpoint is written every <see cref="ProjectionOptions.CheckpointEvery"/> events and at the end of
/// each pass, so after a crash up to that many events are projected again: write projections as upserts
/// ("set the status of order X"), not increments.
/// </remarks>
public sealed class ProjectionRunner
{
    private readonly IEventStore _store;
    private readonly ICheckpointStore _checkpoints;
    private readonly ProjectionOptions _options;
    private readonly RetryPolicy _retry;
    private readonly ITransactionalCheckpointStore? _transactional; // set when ProjectionOptions.Transactional
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    /// <summary>Creates the runner.</summary>
    /// <exception cref="ArgumentException">Two projections have one name.</exception>
    public ProjectionRunner(IEventStore store, ICheckpointStore checkpoints, IEnumerable<IProjection> projections, ProjectionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(checkpoints);
        ArgumentNullException.ThrowIfNull(projections);
        _options = options ?? new ProjectionOptions();
        ArgumentNullException.ThrowIfNull(_options.Parked, nameof(options.Parked));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.CheckpointEvery, 1, nameof(options.CheckpointEvery));
        (_store, _checkpoints, _retry) = (store, checkpoints, new RetryPolicy(_options.Retry));
        if (_options.Transactional)
        {
            _transactional = checkpoints as ITransactionalCheckpointStore ?? throw new ArgumentException(
                $"ProjectionOptions.Transactional needs checkpoints kept in the view's database (an ITransactionalCheckpointStore: SQLite, PostgreSQL), not {checkpoints.GetType().Name}.",
                nameof(checkpoints));
        }

        foreach (var projection in projections)
        {
            if (!_lanes.TryAdd(projection.ProjectionName, new Lane(projection)))
            {
                throw new ArgumentException($"Two projections are called '{projection.ProjectionName}'; each needs its own checkpoint.", nameof(projections));
            }
        }
    }

    /// <summary>
    /// Brings every projection up to the end of the stream as it is now, each on its own; returns how many
    /// events were projected in all. A projection that cannot even read or checkpoint makes this throw,
    /// after the others have finished.
    /// </summary>
    public async Task<int> CatchUpAsync(CancellationToken ct = default)
    {
        var passes = _lanes.Values.Select(lane => PassAsync(lane, ct)).ToList();
        var counts = await Task.WhenAll(passes).ConfigureAwait(false);
        return counts.Sum();
    }

    /// <summary>Runs every projection, catch-up then live, until <paramref name="ct"/> is cancelled.</summary>
    public Task RunAsync(CancellationToken ct) =>
        Task.WhenAll(_lanes.Values.Select(lane =>
            GlobalStreamFollower.RunAsync(_store, token => LivePassAsync(lane, token), _options.PollInterval, _options.TimeProvider, ct)));

    /// <summary>
    /// Rebuilds one projection from the first event: empties it (its <c>ResetAsync</c>), sets its checkpoint
    /// to 0 and catches it up. Safe while <see cref="RunAsync"/> runs: the projection's live pass waits.
    /// A projection split into <see cref="ProjectionShard"/>s is rebuilt by its whole name: emptied once, then every
    /// shard in this runner from 0, side by side.
    /// </summary>
    /// <returns>How many events were projected.</returns>
    public async Task<int> RebuildAsync(string projectionName, CancellationToken ct = default)
    {
        var lanes = _lanes.Values
            .Where(lane => lane.Projection.ProjectionName == projectionName || (lane.Projection as ProjectionShard)?.Whole.ProjectionName == projectionName)
            .ToList();
        if (lanes.Count == 0)
        {
            throw new ArgumentException($"No projection is called '{projectionName}'.", nameof(projectionName));
        }

        var taken = 0;
        try
        {
            foreach (var lane in lanes)
            {
                await lane.Gate.WaitAsync(ct).ConfigureAwait(false);
                taken++;
            }

            var whole = lanes[0].Projection is ProjectionShard shard ? shard.Whole : lanes[0].Projection;
            await whole.ResetAsync(ct).ConfigureAwait(false);
            foreach (var lane in lanes)
            {
                await _checkpoints.SetAsync(lane.Projection.ProjectionName, 0, ct).ConfigureAwait(false);
            }
        }
        finally
        {
            foreach (var lane in lanes.Take(taken))
            {
                lane.Gate.Release();
            }
        }

        var counts = await Task.WhenAll(lanes.Select(lane => PassAsync(lane, ct))).ConfigureAwait(false);
        return counts.Sum();
    }

    private async Task<int> PassAsync(Lane lane, CancellationToken ct)
    {
        await lane.Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var name = lane.Projection.ProjectionName;
            var done = await _checkpoints.GetAsync(name, ct).ConfigureAwait(false); // every event up to here is projected, or another shard's
            var unsaved = 0; // events done since done was last saved
            var batch = new List<RecordedEvent>(); // transactional: the events waiting to commit together, with their checkpoint
            var batchUpTo = 0L;
            var projected = 0;
            try
            {
                await foreach (var recorded in _store.ReadAllAsync(done, ct).ConfigureAwait(false))
                {
                    var owned = lane.Shard?.Owns(recorded.StreamId) != false;
                    if (_transactional is not null && (owned || batch.Count > 0))
                    {
                        if (owned)
                        {
                            unsaved = batch.Count == 0 ? 0 : unsaved; // the batch's checkpoint will cover what was passed over before it
                            batch.Add(recorded);
                        }

                        batchUpTo = recorded.Position; // another shard's events between the batch's ride along
                        if (batch.Count == _options.CheckpointEvery)
                        {
                            projected += await CommitAsync(lane.Projection, batch, batchUpTo, ct).ConfigureAwait(false);
                            done = batchUpTo;
                        }

                        continue;
                    }

                    if (owned)
                    {
                        await ProjectOrParkAsync(lane.Projection, recorded, null, ct).ConfigureAwait(false);
                        projected++;
                    }

                    done = recorded.Position; // only once projected: a pass stopped mid-event saves the one before
                    if (++unsaved == _options.CheckpointEvery)
                    {
                        await _checkpoints.SetAsync(name, done, ct).ConfigureAwait(false);
                        unsaved = 0;
                    }
                }

                if (batch.Count > 0)
                {
                    projected += await CommitAsync(lane.Projection, batch, batchUpTo, ct).ConfigureAwait(false);
                    done = batchUpTo;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested && unsaved > 0)
            {
                // Stopping: keep what was projected, or the next start projects it a second time. A batch not yet
                // committed is simply read again.
                await _checkpoints.SetAsync(name, done, CancellationToken.None).ConfigureAwait(false);
                throw;
            }

            if (unsaved > 0)
            {
                await _checkpoints.SetAsync(name, done, CancellationToken.None).ConfigureAwait(false);
            }

            return projected;
        }
        finally
        {
            lane.Gate.Release();
        }
    }

    /// <summary>
    /// Commits a transactional batch: its events' effects and the checkpoint <paramref name="upTo"/> in one transaction.
    /// When one of them fails, the transaction is rolled back and the events go again one by one, each in its own
    /// transaction with its retries, parked if it still fails. Returns how many were projected, and empties the batch.
    /// </summary>
    private async Task<int> CommitAsync(IProjection projection, List<RecordedEvent> batch, long upTo, CancellationToken ct)
    {
        var checkpoints = _transactional!;
        try
        {
            await checkpoints.RunAndCheckpointAsync(projection.ProjectionName, upTo, async token =>
            {
                foreach (var recorded in batch)
                {
                    await projection.ProjectAsync(recorded, token).ConfigureAwait(false);
                }
            }, ct).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            foreach (var recorded in batch)
            {
                await ProjectOrParkAsync(projection, recorded, checkpoints, ct).ConfigureAwait(false);
            }

            if (upTo > batch[^1].Position)
            {
                await checkpoints.SetAsync(projection.ProjectionName, upTo, ct).ConfigureAwait(false);
            }
        }

        var count = batch.Count;
        batch.Clear();
        return count;
    }

    /// <summary>A live pass that fails (the store or the checkpoint store is down) is logged and tried again after the poll interval.</summary>
    private async Task<int> LivePassAsync(Lane lane, CancellationToken ct)
    {
        try
        {
            return await PassAsync(lane, ct).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            ProjectionTelemetry.PassFailed(lane.Projection.ProjectionName, error, _options.Logger);
            return 0;
        }
    }

    /// <summary>
    /// Projects one event with retries; one that still fails is parked. With <paramref name="transactional"/>, each
    /// attempt commits with the checkpoint or not at all, and a parked event's checkpoint is set after it is parked.
    /// </summary>
    private async Task ProjectOrParkAsync(IProjection projection, RecordedEvent recorded, ITransactionalCheckpointStore? transactional, CancellationToken ct)
    {
        var attempt = new Attempt(projection, recorded, transactional);
        try
        {
            await _retry.ExecuteAsync(
                static (state, token) =>
                {
                    state.Attempts++;
                    return state.Transactional is { } checkpoints
                        ? new ValueTask(checkpoints.RunAndCheckpointAsync(
                            state.Projection.ProjectionName, state.Recorded.Position, t => state.Projection.ProjectAsync(state.Recorded, t), token))
                        : state.Projection.ProjectAsync(state.Recorded, token);
                },
                attempt,
                ct).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var letter = new DeadLetter(Guid.NewGuid(), EventMessage.From(recorded), "projection:" + projection.ProjectionName,
                error.GetType().FullName ?? error.GetType().Name, error.Message, Math.Max(1, attempt.Attempts), _options.TimeProvider.GetUtcNow());
            await _options.Parked.AddAsync(letter, ct).ConfigureAwait(false);
            ProjectionTelemetry.Parked(letter, recorded, error, _options.Logger);
            if (transactional is not null)
            {
                await transactional.SetAsync(projection.ProjectionName, recorded.Position, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private sealed class Attempt(IProjection projection, RecordedEvent recorded, ITransactionalCheckpointStore? transactional)
    {
        public ITransactionalCheckpointStore? Transactional { get; } = transactional;

        public IProjection Projection { get; } = projection;

        public RecordedEvent Recorded { get; } = recorded;

        public int Attempts { get; set; }
    }

    /// <summary>One projection, and the gate that keeps its passes and rebuilds one at a time.</summary>
    private sealed class Lane(IProjection projection)
    {
        public IProjection Projection { get; } = projection;

        /// <summary>Set when the projection is a shard: the events of the other shards are passed over unread.</summary>
        public ProjectionShard? Shard { get; } = projection as ProjectionShard;

        public SemaphoreSlim Gate { get; } = new(1, 1);
    }
}
