using Microsoft.Extensions.Logging;
using PatternsGen.Messaging;
using PatternsGen.Resilience;

namespace PatternsGen.Projections;

/// <summary>Settings of a <see cref="ProjectionRunner"/>.</summary>
public sealed class ProjectionOptions
{
    /// <summary>How an event a projection fails on is retried before it is parked. Default: 5 attempts, 1 s doubling to 60 s, jitter.</summary>
    public RetryOptions Retry { get; set; } = new() { Name = "projection" };

    /// <summary>
    /// Where an event a projection still fails on is parked (as a dead letter whose handler is
    /// <c>projection:{name}</c>), so that one bad event does not stop the projection. Default: in memory;
    /// pass the SQLite or PostgreSQL store to keep them.
    /// </summary>
    public IDeadLetterQueue Parked { get; set; } = new InMemoryDeadLetterQueue();

    /// <summary>Events projected between two checkpoint writes (and at the end of every pass); with <see cref="Transactional"/>, events per transaction. Default 100.</summary>
    public int CheckpointEvery { get; set; } = 100;

    /// <summary>
    /// Events' projection and their checkpoint in one database transaction (the checkpoint store must be an
    /// <see cref="EventSourcing.ITransactionalCheckpointStore"/>: SQLite, PostgreSQL), for views kept in the store's database: each event
    /// takes effect exactly once. Up to <see cref="CheckpointEvery"/> events share a transaction; when one of them fails,
    /// the transaction is rolled back and they go again one by one, each with its retries. Default false: at least once,
    /// checkpointed in batches.
    /// </summary>
    public bool Transactional { get; set; }

    /// <summary>How often to look for events appended by other processes. Default 500 ms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The clock the poll waits on.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where parked events are logged (Error); none by default.</summary>
    public ILogger? Logger { get; set; }
}
