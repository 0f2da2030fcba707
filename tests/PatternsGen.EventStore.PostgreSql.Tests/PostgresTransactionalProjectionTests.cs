using System.Data.Common;
using Npgsql;
using PatternsGen.EventSourcing;
using PatternsGen.EventStore.Testing;

namespace PatternsGen.EventStore.PostgreSql.Tests;

/// <summary>In a database schema of its own, dropped afterwards.</summary>
public sealed class PostgresTransactionalProjectionTests : TransactionalProjectionContractTests, IAsyncLifetime
{
    private readonly string _schema = "views_" + Guid.NewGuid().ToString("N");
    private PostgresEventStore? _store;

    protected override string Table => $"\"{_schema}\".tick_view";

    protected override DbTransaction? ProjectionTransaction => PostgresEventStore.ProjectionTransaction;

    protected override Task<ITransactionalCheckpointStore> CreateStoreAsync()
    {
        _store = new PostgresEventStore(PostgresServer.ConnectionString(), null, _schema);
        return Task.FromResult<ITransactionalCheckpointStore>(_store);
    }

    protected override async Task<DbConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(PostgresServer.ConnectionString());
        await connection.OpenAsync();
        return connection;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
            await PostgresServer.DropSchemaAsync(_schema);
        }
    }
}
