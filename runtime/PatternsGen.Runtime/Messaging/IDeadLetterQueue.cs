using System.Collections.Concurrent;

namespace PatternsGen.Messaging;

/// <summary>A message a handler still failed on after its last attempt.</summary>
/// <param name="Id">The letter's id, for replaying or removing it.</param>
/// <param name="Message">The message.</param>
/// <param name="Handler">The handler that failed (<see cref="EventHandlerRegistration.Name"/>).</param>
/// <param name="ErrorType">The last exception's type.</param>
/// <param name="Error">The last exception's message.</param>
/// <param name="Attempts">How many attempts were made.</param>
/// <param name="FailedAt">When the last one failed.</param>
public sealed record DeadLetter(Guid Id, EventMessage Message, string Handler, string ErrorType, string Error, int Attempts, DateTimeOffset FailedAt);

/// <summary>
/// Where messages go that a handler still failed on: listed, replayed (<see cref="InMemoryEventBus.ReplayDeadLettersAsync"/>)
/// and purged. Durable on SQLite and PostgreSQL; <see cref="InMemoryDeadLetterQueue"/> otherwise.
/// </summary>
public interface IDeadLetterQueue
{
    /// <summary>Adds a letter.</summary>
    ValueTask AddAsync(DeadLetter letter, CancellationToken ct = default);

    /// <summary>Every letter, oldest first.</summary>
    ValueTask<IReadOnlyList<DeadLetter>> ListAsync(CancellationToken ct = default);

    /// <summary>Removes one letter; false when it is not there.</summary>
    ValueTask<bool> RemoveAsync(Guid id, CancellationToken ct = default);

    /// <summary>Removes every letter; returns how many there were.</summary>
    ValueTask<int> PurgeAsync(CancellationToken ct = default);
}

/// <summary>A dead-letter queue for one process's lifetime.</summary>
public sealed class InMemoryDeadLetterQueue : IDeadLetterQueue
{
    private readonly ConcurrentDictionary<Guid, DeadLetter> _letters = new();

    /// <inheritdoc />
    public ValueTask AddAsync(DeadLetter letter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        _letters[letter.Id] = letter;
        return default;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<DeadLetter>> ListAsync(CancellationToken ct = default) =>
        new(_letters.Values.OrderBy(static l => l.FailedAt).ThenBy(static l => l.Id).ToList());

    /// <inheritdoc />
    public ValueTask<bool> RemoveAsync(Guid id, CancellationToken ct = default) => new(_letters.TryRemove(id, out _));

    /// <inheritdoc />
    public ValueTask<int> PurgeAsync(CancellationToken ct = default)
    {
        var count = _letters.Count;
        _letters.Clear();
        return new(count);
    }
}
