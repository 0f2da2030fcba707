using System.Data.Common;
using PatternsGen.EventSourcing;
using PatternsGen.Projections;
using PatternsGen.Resilience;

namespace PatternsGen.EventStore.Testing;

/// <summary>
/// A view in the store's own database, changed in one transaction with its checkpoint: each event counts once. Run
/// against each SQL store by subclassing; the view is written with plain ADO.NET, as a user's projection would.
/// </summary>
public abstract class TransactionalProjectionContractTests
{
    /// <summary>A new, empty store that keeps its checkpoints in its database. May skip the test when that database is not available.</summary>
    protected abstract Task<ITransactionalCheckpointStore> CreateStoreAsync();

    /// <summary>A connection of the test's own to the store's database.</summary>
    protected abstract Task<DbConnection> OpenAsync();

    /// <summary>The view table's name, qualified as the database needs.</summary>
    protected abstract string Table { get; }

    /// <summary>The transaction the store hands a projection (its <c>ProjectionTransaction</c>).</summary>
    protected abstract DbTransaction? ProjectionTransaction { get; }

    [SkippableTheory]
    [InlineData(true, 1)]   // the failed attempt's row was rolled back with it
    [InlineData(false, 2)]  // checkpointed apart from the view: the retry writes the row again
    public async Task A_projection_that_fails_after_writing_its_view_is_retried_without_a_trace_of_the_failed_attempt(bool transactional, int rowsOfTheFailedEvent)
    {
        var store = await CreateStoreAsync();
        var events = (IEventStore)store;
        for (var i = 1; i <= 5; i++)
        {
            await events.AppendAsync("ticks", ExpectedVersion.Any, [new Tick(i, "b")]);
        }

        await using var db = await OpenAsync();
        await ExecuteAsync(db, null, $"CREATE TABLE {Table} (number integer NOT NULL)");
        var runner = new ProjectionRunner(events, store, [new TickView(this, failOnceAt: 3)], new ProjectionOptions
        {
            Transactional = transactional,
            Retry = new RetryOptions { MaxAttempts = 3, InitialDelay = TimeSpan.FromMilliseconds(1), Jitter = false },
        });

        Assert.Equal(5, await runner.CatchUpAsync());

        await using var count = db.CreateCommand();
        count.CommandText = $"SELECT number, COUNT(*) FROM {Table} GROUP BY number ORDER BY number";
        await using var rows = await count.ExecuteReaderAsync();
        var counts = new Dictionary<long, long>();
        while (await rows.ReadAsync())
        {
            counts[Convert.ToInt64(rows.GetValue(0))] = Convert.ToInt64(rows.GetValue(1));
        }

        Assert.Equal(new Dictionary<long, long> { [1] = 1, [2] = 1, [3] = rowsOfTheFailedEvent, [4] = 1, [5] = 1 }, counts);
        Assert.Equal(5, await store.GetAsync(TickView.Name));
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, int? number = null, CancellationToken ct = default)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (number is { } n)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "n";
            parameter.Value = n;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Inserts a row per tick; the first attempt at tick <paramref name="failOnceAt"/> throws after its insert.</summary>
    private sealed class TickView(TransactionalProjectionContractTests test, int failOnceAt) : IProjection
    {
        public const string Name = "tick-view";
        private bool _failed;

        public string ProjectionName => Name;

        public async ValueTask ProjectAsync(RecordedEvent recorded, CancellationToken ct)
        {
            var tick = (Tick)recorded.Data;
            var transaction = test.ProjectionTransaction;
            await using var own = transaction is null ? await test.OpenAsync() : null;
            await ExecuteAsync(transaction?.Connection ?? own!, transaction, $"INSERT INTO {test.Table} (number) VALUES (@n)", tick.Number, ct);
            if (tick.Number == failOnceAt && !_failed)
            {
                _failed = true;
                throw new InvalidOperationException("the view's next statement failed");
            }
        }

        public ValueTask ResetAsync(CancellationToken ct) => throw new NotSupportedException();
    }
}
