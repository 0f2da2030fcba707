using System.Diagnostics.CodeAnalysis;
using PatternsGen.Sagas;

namespace PatternsGen.EventSourcing;

/// <summary>
/// Which event type each stored name stands for. PatternsGen's generator registers every <c>[Event]</c>
/// type and every event type an aggregate applies from a module initializer in each assembly, so
/// stores know them without reflection or hand registration. <see cref="Register{TEvent}"/> is there
/// for types the generator cannot see (a library compiled without PatternsGen).
/// </summary>
public static class EventTypes
{
    private static readonly object Gate = new();

    // Copy-on-write: readers (every append and read) take no lock. The runtime's own records are
    // there from the start, so any store can read a stream a SagaLog wrote.
    private static Registry _registry = Registry.Empty
        .With(new EventTypeInfo<SagaStarted>("patternsgen.saga.started", SagaLogJsonContext.Default.SagaStarted))
        .With(new EventTypeInfo<SagaStepCompleted>("patternsgen.saga.step-completed", SagaLogJsonContext.Default.SagaStepCompleted))
        .With(new EventTypeInfo<SagaStepFailed>("patternsgen.saga.step-failed", SagaLogJsonContext.Default.SagaStepFailed))
        .With(new EventTypeInfo<SagaStepCompensated>("patternsgen.saga.step-compensated", SagaLogJsonContext.Default.SagaStepCompensated))
        .With(new EventTypeInfo<SagaStepHadNothingToUndo>("patternsgen.saga.step-had-nothing-to-undo", SagaLogJsonContext.Default.SagaStepHadNothingToUndo))
        .With(new EventTypeInfo<SagaCompensationFailed>("patternsgen.saga.compensation-failed", SagaLogJsonContext.Default.SagaCompensationFailed))
        .With(new EventTypeInfo<SagaFinished>("patternsgen.saga.finished", SagaLogJsonContext.Default.SagaFinished))
        .With(new EventTypeInfo<SagaClaimed>("patternsgen.saga.claimed", SagaLogJsonContext.Default.SagaClaimed));

    /// <summary>Every registered event type.</summary>
    public static IReadOnlyCollection<EventTypeInfo> All => _registry.ByType.Values;

    /// <summary>
    /// Registers <typeparamref name="TEvent"/> under <paramref name="name"/>. Registering the same pair
    /// again does nothing. Two types under one name are both kept out of use: storing or reading that
    /// name fails with a message naming both (PGEN204 reports this at build time within one project).
    /// </summary>
    /// <exception cref="InvalidOperationException"><typeparamref name="TEvent"/> is already registered under another name.</exception>
    public static void Register<TEvent>(string name)
        where TEvent : notnull
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        lock (Gate)
        {
            var registry = _registry;
            if (registry.ByType.TryGetValue(typeof(TEvent), out var existing))
            {
                if (existing.Name == name)
                {
                    return;
                }

                throw new InvalidOperationException(
                    $"Event type '{typeof(TEvent)}' is already registered as '{existing.Name}'; it cannot also be '{name}'.");
            }

            _registry = registry.With(new EventTypeInfo<TEvent>(name));
        }
    }

    /// <summary>The registration of <paramref name="type"/>, or an exception that says how to register it.</summary>
    /// <exception cref="EventSerializationException">The type is not registered, or its name is taken twice.</exception>
    public static EventTypeInfo Get(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var registry = _registry;
        if (!registry.ByType.TryGetValue(type, out var info))
        {
            throw new EventSerializationException(
                $"'{type}' is not a known event type. Mark it [Event] (or apply it in an [Aggregate]) in a project that uses PatternsGen, " +
                $"or call EventTypes.Register<{type.Name}>(\"name\") at startup.");
        }

        if (registry.Conflicts.TryGetValue(info.Name, out var conflict))
        {
            throw new EventSerializationException(conflict);
        }

        return info;
    }

    /// <summary>The name <paramref name="type"/> is registered under; null when it is not registered.</summary>
    public static string? NameOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return _registry.ByType.TryGetValue(type, out var info) ? info.Name : null;
    }

    /// <summary>Finds the type registered under <paramref name="name"/>.</summary>
    /// <exception cref="EventSerializationException">Two types claim <paramref name="name"/>.</exception>
    public static bool TryGet(string name, [NotNullWhen(true)] out EventTypeInfo? info)
    {
        var registry = _registry;
        if (registry.Conflicts.TryGetValue(name, out var conflict))
        {
            throw new EventSerializationException(conflict);
        }

        return registry.ByName.TryGetValue(name, out info);
    }

    private sealed record Registry(
        Dictionary<string, EventTypeInfo> ByName,
        Dictionary<Type, EventTypeInfo> ByType,
        Dictionary<string, string> Conflicts)
    {
        public static Registry Empty { get; } = new(
            new Dictionary<string, EventTypeInfo>(StringComparer.Ordinal),
            new Dictionary<Type, EventTypeInfo>(),
            new Dictionary<string, string>(StringComparer.Ordinal));

        /// <summary>A copy with <paramref name="info"/> added; a name taken twice is kept out of use with a message naming both types.</summary>
        public Registry With(EventTypeInfo info)
        {
            var byName = new Dictionary<string, EventTypeInfo>(ByName, StringComparer.Ordinal);
            var byType = new Dictionary<Type, EventTypeInfo>(ByType);
            var conflicts = new Dictionary<string, string>(Conflicts, StringComparer.Ordinal);
            byType.Add(info.Type, info);
            if (byName.TryGetValue(info.Name, out var other))
            {
                conflicts[info.Name] = $"Event name '{info.Name}' is registered for both '{other.Type}' and '{info.Type}'. " +
                                       "Give one of them another name with [Event(\"...\")].";
            }
            else if (!conflicts.ContainsKey(info.Name))
            {
                byName.Add(info.Name, info);
            }

            return new Registry(byName, byType, conflicts);
        }
    }
}
