using System.Text.Json.Serialization;
using PatternsGen.EventSourcing;
using PatternsGen.EventStore.Testing;

namespace PatternsGen.EventStore.Sqlite.Tests;

/// <summary>The Native AOT path: the store writes and reads through a source-generated JsonSerializerContext only.</summary>
public sealed class SourceGeneratedJsonTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task Events_and_snapshots_round_trip_through_a_users_JsonSerializerContext()
    {
        var store = new SqliteEventStore(_database.ConnectionString, new EventStoreOptions { JsonOptions = ContractJson.Default.Options });
        var account = new Account();
        for (var i = 0; i < 12; i++)
        {
            account.Deposit(2m);
        }

        await account.SaveAsync(store, "acc");

        var loaded = await Account.LoadAsync(store, "acc");
        Assert.Equal((24m, 12L, 0), (loaded!.Balance, loaded.Version, loaded.AppliedSinceLoad)); // the snapshot at 12, nothing replayed
    }

    [Fact]
    public async Task A_type_missing_from_the_context_fails_with_a_message_that_names_it_and_the_fix()
    {
        var store = new SqliteEventStore(_database.ConnectionString, new EventStoreOptions { JsonOptions = ContractJson.Default.Options });

        var error = await Assert.ThrowsAsync<EventSerializationException>(() => store.AppendAsync("s", ExpectedVersion.NoStream, [new Withdrawn(1m)]).AsTask());

        Assert.Contains("[JsonSerializable(typeof(Withdrawn))]", error.Message, StringComparison.Ordinal);
        Assert.Empty(await store.ReadAllAsync().ToListAsync());
    }

    public void Dispose() => _database.Dispose();
}

[JsonSerializable(typeof(Deposited))]
[JsonSerializable(typeof(AccountState))]
internal sealed partial class ContractJson : JsonSerializerContext;
