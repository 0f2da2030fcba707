using System.Data.Common;
using Microsoft.Data.Sqlite;
using PatternsGen.EventSourcing;
using PatternsGen.EventStore.Testing;
using PatternsGen.Projections;

namespace PatternsGen.EventStore.Sqlite.Tests;

public sealed class SqliteTransactionalProjectionTests : TransactionalProjectionContractTests, IDisposable
{
    private readonly TempDatabase _database = new();

    protected override string Table => "tick_view";

    protected override DbTransaction? ProjectionTransaction => SqliteEventStore.ProjectionTransaction;

    protected override Task<ITransactionalCheckpointStore> CreateStoreAsync() =>
        Task.FromResult<ITransactionalCheckpointStore>(new SqliteEventStore(_database.ConnectionString));

    protected override async Task<DbConnection> OpenAsync()
    {
        var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    [Fact]
    public void Transactional_projections_need_checkpoints_in_the_views_database()
    {
        var error = Assert.Throws<ArgumentException>(() => new ProjectionRunner(
            new InMemoryEventStore(), new InMemoryCheckpointStore(), [], new ProjectionOptions { Transactional = true }));
        Assert.Contains("ITransactionalCheckpointStore", error.Message);
    }

    public void Dispose() => _database.Dispose();
}
