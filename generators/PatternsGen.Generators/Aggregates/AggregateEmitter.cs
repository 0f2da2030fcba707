using System.Linq;
using PatternsGen.Generators.Aggregates.Model;
using PatternsGen.Roslyn;

namespace PatternsGen.Generators.Aggregates;

/// <summary><see cref="AggregateModel"/> → C# source. Pure text: no Roslyn types.</summary>
internal static class AggregateEmitter
{
    private const string Uncommitted = "__patternsGenUncommittedEvents";

    public static string Emit(AggregateModel model)
    {
        var writer = new SourceWriter();
        writer.WriteFileHeader();
        model.Hierarchy.WriteOpen(writer);

        var self = model.Hierarchy.FullyQualifiedName;
        var target = model.Hierarchy.Target;
        // 'protected' in a sealed class is a warning (CS0628); there nothing can derive anyway.
        var raiseAccess = target.IsSealed ? "private" : "protected";

        writer.WriteLine($$"""
            private global::System.Collections.Generic.List<object>? {{Uncommitted}};

            /// <summary>The number of events applied to this aggregate; 0 for a new one.</summary>
            {{GeneratedCode.Attribute}}
            public long Version { get; private set; }

            /// <summary>Applies <paramref name="event"/> through the matching <c>Apply</c> method and counts it in <see cref="Version"/>.</summary>
            /// <exception cref="global::PatternsGen.EventSourcing.UnknownEventException">The aggregate has no <c>Apply</c> for the event's type.</exception>
            {{GeneratedCode.Attribute}}
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)] // into the replay loops below
            public void ApplyEvent(object @event)
            {
            """);
        writer.Indentation++;
        WriteApplySwitch(writer, model);
        writer.Indentation--;
        writer.WriteLine($$"""
            }

            /// <summary>Applies <paramref name="event"/>, then records it as uncommitted so that saving appends it.</summary>
            {{GeneratedCode.Attribute}}
            {{raiseAccess}} void Raise(object @event)
            {
                ApplyEvent(@event);
                ({{Uncommitted}} ??= new global::System.Collections.Generic.List<object>()).Add(@event);
            }

            /// <summary>The events raised since the aggregate was loaded or last committed, oldest first.</summary>
            {{GeneratedCode.Attribute}}
            public global::System.Collections.Generic.IReadOnlyList<object> GetUncommittedEvents() =>
                (global::System.Collections.Generic.IReadOnlyList<object>?){{Uncommitted}} ?? global::System.Array.Empty<object>();

            /// <summary>Forgets the uncommitted events once they are stored. Lists returned earlier keep their contents.</summary>
            {{GeneratedCode.Attribute}}
            public void MarkCommitted() => {{Uncommitted}} = null;
            """);

        if (model.CanCreate)
        {
            writer.WriteLine($$"""

                /// <summary>Rebuilds an aggregate by applying <paramref name="events"/> in order to a new instance.</summary>
                {{GeneratedCode.Attribute}}
                public static {{self}} FromEvents(global::System.Collections.Generic.IEnumerable<object> events)
                {
                    if (events is null)
                    {
                        throw new global::System.ArgumentNullException(nameof(events));
                    }

                    var aggregate = new {{self}}();
                    if (events is object[] array)
                    {
                        // Arrays (what stores and tests usually hand over) without an enumerator's interface calls.
                        foreach (var @event in array)
                        {
                            aggregate.ApplyEvent(@event);
                        }
                    }
                    else
                    {
                        foreach (var @event in events)
                        {
                            aggregate.ApplyEvent(@event);
                        }
                    }

                    return aggregate;
                }
                """);
        }

        if (model.CanCreate)
        {
            WriteLoad(writer, model);
        }

        WriteSave(writer, model);
        model.Hierarchy.WriteClose(writer);
        return writer.ToString();
    }

    private static void WriteLoad(SourceWriter writer, AggregateModel model)
    {
        var self = model.Hierarchy.FullyQualifiedName;
        var how = model.Snapshot is null ? "applies its events in order" : "restores its newest snapshot, then applies the events after it";
        writer.WriteLine($$"""

            /// <summary>Loads the aggregate stored as <paramref name="id"/>: {{how}}.</summary>
            /// <returns>The aggregate, or <see langword="null"/> when the stream does not exist.</returns>
            {{GeneratedCode.Attribute}}
            public static async global::System.Threading.Tasks.ValueTask<{{self}}?> LoadAsync(global::PatternsGen.EventSourcing.IEventStore store, string id, global::System.Threading.CancellationToken ct = default)
            {
                if (store is null)
                {
                    throw new global::System.ArgumentNullException(nameof(store));
                }

                {{self}}? aggregate = null;
            """);
        writer.Indentation++;
        if (model.Snapshot is { } snapshot)
        {
            writer.WriteLine($$"""
                if (store is global::PatternsGen.EventSourcing.ISnapshotStore snapshots)
                {
                    var snapshot = await snapshots.ReadSnapshotAsync<{{snapshot.StateType.FullyQualifiedName}}>(id, {{snapshot.SchemaVersion}}, ct).ConfigureAwait(false);
                    if (snapshot is not null) // none, or one of another schema version: replay every event
                    {
                        aggregate = new {{self}}();
                        aggregate.RestoreSnapshot(snapshot.State);
                        aggregate.Version = snapshot.Version;
                    }
                }

                """);
        }

        writer.WriteLine($$"""
            var events = store.ReadStreamAsync(id, aggregate?.Version ?? 0, ct);
            await foreach (var recorded in global::System.Threading.Tasks.TaskAsyncEnumerableExtensions.ConfigureAwait(events, false))
            {
                aggregate ??= new {{self}}();
                if (recorded.Version != aggregate.Version + 1)
                {
                    throw new global::System.InvalidOperationException($"Stream '{id}' goes from version {aggregate.Version} to {recorded.Version}; its events cannot be applied in order.");
                }

                aggregate.ApplyEvent(recorded.Data);
            }

            return aggregate;
            """);
        writer.Indentation--;
        writer.WriteLine("}");
    }

    private static void WriteSave(SourceWriter writer, AggregateModel model)
    {
        writer.WriteLine($$"""

            /// <summary>
            /// Appends the uncommitted events to stream <paramref name="id"/>, expecting it at the version this
            /// aggregate was loaded at, then marks them committed. Does nothing when there are none.
            /// </summary>
            /// <exception cref="global::PatternsGen.EventSourcing.ConcurrencyException">The stream changed since it was loaded; nothing was written.</exception>
            {{GeneratedCode.Attribute}}
            public async global::System.Threading.Tasks.ValueTask SaveAsync(global::PatternsGen.EventSourcing.IEventStore store, string id, global::System.Threading.CancellationToken ct = default)
            {
                if (store is null)
                {
                    throw new global::System.ArgumentNullException(nameof(store));
                }

                var events = {{Uncommitted}};
                if (events is null || events.Count == 0)
                {
                    return;
                }

                var expectedVersion = Version - events.Count;
                await store.AppendAsync(id, expectedVersion, events, ct).ConfigureAwait(false);
                MarkCommitted();
            """);
        if (model.Snapshot is { } snapshot)
        {
            writer.Indentation++;
            writer.WriteLine($$"""

                // A snapshot each time the version passes a multiple of {{snapshot.Every}}; best effort, the events are stored.
                if (store is global::PatternsGen.EventSourcing.ISnapshotStore snapshots && Version / {{snapshot.Every}} > expectedVersion / {{snapshot.Every}})
                {
                    var snapshot = new global::PatternsGen.EventSourcing.Snapshot<{{snapshot.StateType.FullyQualifiedName}}>(Version, {{snapshot.SchemaVersion}}, CreateSnapshot());
                    await global::PatternsGen.EventSourcing.SnapshotWriter.TryWriteAsync(snapshots, id, snapshot, ct).ConfigureAwait(false);
                }
                """);
            writer.Indentation--;
        }

        writer.WriteLine("}");
    }

    private static void WriteApplySwitch(SourceWriter writer, AggregateModel model)
    {
        // The throw lives in a helper so the switch stays small enough to inline; null lands there too.
        var unknown = $"global::PatternsGen.EventSourcing.UnknownEventException.Throw(typeof({model.Hierarchy.FullyQualifiedName}), @event);";
        var exact = model.ApplyMethods.Where(static a => a.Match != ApplyMatch.Pattern).ToList();
        var patterns = model.ApplyMethods.Where(static a => a.Match == ApplyMatch.Pattern).ToList();

        writer.WriteLine("if (@event is null)");
        writer.OpenBlock();
        writer.WriteLine(unknown);
        writer.CloseBlock();
        writer.WriteLine();

        // Sealed classes and structs first, by exact type: one compare each, and nothing can derive
        // from them, so testing them before the patterns keeps the most specific Apply winning.
        var first = true;
        foreach (var apply in exact)
        {
            var type = apply.EventType.FullyQualifiedName;
            var argument = apply.Match == ApplyMatch.ExactStruct
                ? $"global::System.Runtime.CompilerServices.Unsafe.Unbox<{type}>(@event)"
                : $"global::System.Runtime.CompilerServices.Unsafe.As<{type}>(@event)";
            writer.WriteLine($"{(first ? "if" : "else if")} (@event.GetType() == typeof({type}))");
            writer.OpenBlock();
            writer.WriteLine($"Apply({argument});");
            writer.CloseBlock();
            first = false;
        }

        if (!first)
        {
            writer.WriteLine("else");
            writer.OpenBlock();
        }

        if (patterns.Count == 0)
        {
            writer.WriteLine(unknown);
        }
        else
        {
            writer.WriteLine("switch (@event)");
            writer.OpenBlock();
            foreach (var apply in patterns)
            {
                writer.WriteLine($"case {apply.EventType.FullyQualifiedName} e:");
                writer.WriteLine("    Apply(e);");
                writer.WriteLine("    break;");
            }

            writer.WriteLine("default:");
            writer.WriteLine("    " + unknown);
            writer.WriteLine("    break;");
            writer.CloseBlock();
        }

        if (!first)
        {
            writer.CloseBlock();
        }

        writer.WriteLine();
        writer.WriteLine("Version++;");
    }
}
