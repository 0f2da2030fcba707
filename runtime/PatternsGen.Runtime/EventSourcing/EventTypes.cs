using System.Diagnostics.CodeAnalysis;

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

    // Copy-on-write: readers (every append and read) take no lock.
    private static Registry _registry = new(
        new Dictionary<string, EventTypeInfo>(StringComparer.Ordinal),
        new Dictionary<Type, EventTypeInfo>(),
        new Dictionary<string, string>(StringComparer.Ordinal));

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

            var byName = new Dictionary<string, EventTypeInfo>(registry.ByName, StringComparer.Ordinal);
            var byType = new Dictionary<Type, EventTypeInfo>(registry.ByType);
            var conflicts = new Dictionary<string, string>(registry.Conflicts, StringComparer.Ordinal);
            var info = new EventTypeInfo<TEvent>(name);
            byType.Add(typeof(TEvent), info);
            if (byName.TryGetValue(name, out var other))
            {
                conflicts[name] = $"Event name '{name}' is registered for both '{other.Type}' and '{typeof(TEvent)}'. " +
                                  "Give one of them another name with [Event(\"...\")].";
            }
            else if (!conflicts.ContainsKey(name))
            {
                byName.Add(name, info);
            }

            _registry = new Registry(byName, byType, conflicts);
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
        Dictionary<string, string> Conflicts);
}
