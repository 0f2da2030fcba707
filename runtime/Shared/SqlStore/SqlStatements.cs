namespace PatternsGen.EventStore;

/// <summary>
/// The statements every SQL store runs the same way, in its own dialect. Parameters are bound in the order
/// this file lists them after each statement, by name where the dialect names them, by position otherwise;
/// columns are read in the order given.
/// </summary>
internal sealed class SqlStatements
{
    /// <summary>(stream, from, limit) → position, event_id, stream_id, version, event_type, data, timestamp, correlation_id, causation_id, trace_parent.</summary>
    public required string ReadStream { get; init; }

    /// <summary>(from, limit) → the columns of <see cref="ReadStream"/>.</summary>
    public required string ReadAll { get; init; }

    /// <summary>(stream) → version, schema_version, data.</summary>
    public required string ReadSnapshot { get; init; }

    /// <summary>(stream, version, schema, data, timestamp); keeps the newer snapshot.</summary>
    public required string WriteSnapshot { get; init; }

    /// <summary>(name) → position.</summary>
    public required string ReadCheckpoint { get; init; }

    /// <summary>(name, position).</summary>
    public required string WriteCheckpoint { get; init; }

    /// <summary>(handler, id) → a row when handled.</summary>
    public required string InboxHas { get; init; }

    /// <summary>(handler, id, at).</summary>
    public required string InboxMark { get; init; }

    /// <summary>(id, handler, message, type, data, key, sequence, correlation, causation, error_type, error, attempts, failed_at).</summary>
    public required string DeadLetterAdd { get; init; }

    /// <summary>() → the columns of <see cref="DeadLetterAdd"/>, oldest first.</summary>
    public required string DeadLetterList { get; init; }

    /// <summary>(id).</summary>
    public required string DeadLetterRemove { get; init; }

    /// <summary>().</summary>
    public required string DeadLetterPurge { get; init; }

    /// <summary>
    /// (name, owner, ms): takes a free or expired lease, or renews one the owner holds, for ms from the database's now;
    /// the token stays on a renewal and grows for a new holder. Changes no row when another owner holds it.
    /// </summary>
    public required string LeaseAcquire { get; init; }

    /// <summary>(name, owner) → token.</summary>
    public required string LeaseToken { get; init; }

    /// <summary>(name, owner): expires the lease now.</summary>
    public required string LeaseRelease { get; init; }

    /// <summary>(prefix) → name, owner, token of the leases held now whose names start with it, by name.</summary>
    public required string LeaseList { get; init; }

    /// <summary>(prefix, ms): deletes the leases whose names start with it and that expired at least ms ago.</summary>
    public required string LeaseForget { get; init; }
}
