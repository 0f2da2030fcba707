using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using OrderService.ReadModels;
using PatternsGen.EventSourcing;
using PatternsGen.EventStore.PostgreSql;
using PatternsGen.EventStore.Sqlite;
using PatternsGen.Messaging;

namespace OrderService.Run;

/// <summary>Where the sample keeps events, checkpoints, inbox, dead letters and parked events, and its orders_view.</summary>
public enum StoreKind
{
    /// <summary>The embedded default: one SQLite file under the working folder.</summary>
    Sqlite,

    /// <summary>PostgreSQL, as many service instances would share it (--postgres or PATTERNSGEN_PG).</summary>
    Postgres,

    /// <summary>Nothing kept after the process ends.</summary>
    Memory,
}

/// <summary>One store behind every durable part of the run, as each capability's docs describe.</summary>
public sealed class Storage : IAsyncDisposable
{
    private readonly IAsyncDisposable? _owned;
    private readonly SqliteConnection? _keepAlive;

    private Storage(string description, IEventStore events, ICheckpointStore checkpoints, IInbox inbox, IDeadLetterQueue deadLetters,
        IDeadLetterQueue parked, Func<DbConnection> viewConnection, IAsyncDisposable? owned = null, SqliteConnection? keepAlive = null)
    {
        Description = description;
        Events = events;
        Checkpoints = checkpoints;
        Inbox = inbox;
        DeadLetters = deadLetters;
        Parked = parked;
        View = new OrdersView(viewConnection);
        _owned = owned;
        _keepAlive = keepAlive;
    }

    public string Description { get; }

    public IEventStore Events { get; }

    public ICheckpointStore Checkpoints { get; }

    public IInbox Inbox { get; }

    public IDeadLetterQueue DeadLetters { get; }

    public IDeadLetterQueue Parked { get; }

    public OrdersView View { get; }

    public static async Task<Storage> OpenAsync(StoreKind kind, string? sqlitePath, string? postgres, CancellationToken ct)
    {
        var options = new EventStoreOptions { JsonOptions = OrderServiceJson.Default.Options };
        switch (kind)
        {
            case StoreKind.Sqlite:
            {
                var path = Path.GetFullPath(sqlitePath ?? "orderservice.db");
                var connection = $"Data Source={path}";
                var store = new SqliteEventStore(connection, options);
                return new Storage($"SQLite, {path}", store, store, store, store, store, () => new SqliteConnection(connection));
            }

            case StoreKind.Postgres:
            {
                var connection = postgres ?? Environment.GetEnvironmentVariable("PATTERNSGEN_PG")
                    ?? throw new ArgumentException("--store postgres needs a connection string: --postgres \"Host=…;Username=…;Password=…;Database=…\" or PATTERNSGEN_PG.");
                var store = new PostgresEventStore(connection, options);
                var dataSource = NpgsqlDataSource.Create(connection);
                await using (var probe = await dataSource.OpenConnectionAsync(ct))
                {
                    // Fails here, with the server's own words, rather than in the middle of the first order.
                }

                var host = new NpgsqlConnectionStringBuilder(connection) is var b ? $"{b.Host}:{b.Port}/{b.Database}" : "";
                return new Storage($"PostgreSQL, {host}", store, store, store, store, store, dataSource.CreateConnection, new Owned(store, dataSource));
            }

            default:
            {
                // The view lives in an in-memory SQLite database, kept alive by one open connection for the run.
                var connection = $"Data Source=orders-view-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
                var keepAlive = new SqliteConnection(connection);
                await keepAlive.OpenAsync(ct);
                return new Storage(
                    "in memory (nothing kept)", new InMemoryEventStore(options), new InMemoryCheckpointStore(), new InMemoryInbox(),
                    new InMemoryDeadLetterQueue(), new InMemoryDeadLetterQueue(), () => new SqliteConnection(connection), keepAlive: keepAlive);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_owned is not null)
        {
            await _owned.DisposeAsync();
        }

        if (_keepAlive is not null)
        {
            await _keepAlive.DisposeAsync();
        }
    }

    private sealed class Owned(PostgresEventStore store, NpgsqlDataSource dataSource) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await store.DisposeAsync();
            await dataSource.DisposeAsync();
        }
    }
}
