using Npgsql;
using PatternsGen.EventSourcing;
using PatternsGen.EventStore.PostgreSql;

namespace PatternsGen.Hosting.Node;

/// <summary>
/// How many times each tick was projected, in a table beside the store: an increment, not an upsert, so that a tick
/// projected twice shows. Written in the projection's transaction, with its checkpoint.
/// </summary>
[Projection(Name = "tick_view")]
public sealed partial class TickView(string schema)
{
    public async Task Project(Tick e, RecordedEvent recorded, CancellationToken ct)
    {
        var transaction = PostgresEventStore.ProjectionTransaction
            ?? throw new InvalidOperationException("tick_view is written only inside its projection transaction.");
        await using var command = new NpgsqlCommand(
            $"INSERT INTO \"{schema}\".tick_view AS v (stream_id, applied, pid) VALUES ($1, 1, $2) " +
            "ON CONFLICT (stream_id) DO UPDATE SET applied = v.applied + 1",
            transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = recorded.StreamId });
        command.Parameters.Add(new() { Value = Environment.ProcessId });
        await command.ExecuteNonQueryAsync(ct);
    }
}
