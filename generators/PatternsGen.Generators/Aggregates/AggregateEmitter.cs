using System.Linq;
using PatternsGen.Generators.Aggregates.Model;
using PatternsGen.Roslyn;

namespace PatternsGen.Generators.Aggregates;

/// <summary><see cref="AggregateModel"/> → C# source. Pure text: no Roslyn types.</summary>
internal static class AggregateEmitter
{
    private const string Runtime = "global::PatternsGen.EventSourcing";

    public static string Emit(AggregateModel model)
    {
        var writer = new SourceWriter();
        writer.WriteFileHeader();
        var self = model.Hierarchy.FullyQualifiedName;
        var snapshot = model.Snapshot;
        var interfaces = model.CanCreate ? $"{Runtime}.IEventSourced<{self}>" : $"{Runtime}.IEventSourced";
        if (snapshot is not null)
        {
            interfaces += $", {Runtime}.ISnapshotSource<{snapshot.StateType.FullyQualifiedName}>";
        }

        model.Hierarchy.WriteOpen(writer, " : " + interfaces);

        // 'protected' in a sealed class is a warning (CS0628); there nothing can derive anyway.
        var raiseAccess = model.Hierarchy.Target.IsSealed ? "private" : "protected";
        writer.WriteLine($$"""
            private {{Runtime}}.AggregateEvents __events;

            /// <summary>The number of events applied to this aggregate; 0 for a new one.</summary>
            {{GeneratedCode.Attribute}}
            public long Version => __events.Version;

            /// <summary>Applies <paramref name="event"/> through the matching <c>Apply</c> method and counts it in <see cref="Version"/>.</summary>
            /// <exception cref="{{Runtime}}.UnknownEventException">The aggregate has no <c>Apply</c> for the event's type.</exception>
            {{GeneratedCode.Attribute}}
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
                __events.Raised(@event);
            }

            /// <summary>The events raised since the aggregate was loaded or last committed, oldest first.</summary>
            {{GeneratedCode.Attribute}}
            public global::System.Collections.Generic.IReadOnlyList<object> GetUncommittedEvents() => __events.Uncommitted;

            /// <summary>Forgets the uncommitted events once they are stored. Lists returned earlier keep their contents.</summary>
            {{GeneratedCode.Attribute}}
            public void MarkCommitted() => __events.Commit();
            """);

        if (model.CanCreate)
        {
            var load = snapshot is null
                ? $"LoadAsync<{self}>(store, id, ct)"
                : $"LoadAsync<{self}, {snapshot.StateType.FullyQualifiedName}>(store, id, schemaVersion: {snapshot.SchemaVersion}, ct)";
            var how = snapshot is null ? "applies its events in order" : "restores its newest snapshot, then applies the events after it";
            writer.WriteLine($$"""

                /// <summary>Rebuilds an aggregate by applying <paramref name="events"/> in order to a new instance.</summary>
                {{GeneratedCode.Attribute}}
                public static {{self}} FromEvents(global::System.Collections.Generic.IEnumerable<object> events) =>
                    {{Runtime}}.Aggregates.FromEvents<{{self}}>(events);

                /// <summary>Loads the aggregate stored as <paramref name="id"/>: {{how}}.</summary>
                /// <returns>The aggregate, or <see langword="null"/> when the stream does not exist.</returns>
                {{GeneratedCode.Attribute}}
                public static global::System.Threading.Tasks.ValueTask<{{self}}?> LoadAsync({{Runtime}}.IEventStore store, string id, global::System.Threading.CancellationToken ct = default) =>
                    {{Runtime}}.Aggregates.{{load}};
                """);
        }

        var save = snapshot is null
            ? "SaveAsync(this, store, id, ct)"
            : $"SaveAsync<{self}, {snapshot.StateType.FullyQualifiedName}>(this, store, id, every: {snapshot.Every}, schemaVersion: {snapshot.SchemaVersion}, ct)";
        var then = snapshot is null ? "" : $" A snapshot is written each time the version passes a multiple of {snapshot.Every}.";
        writer.WriteLine($$"""

            /// <summary>
            /// Appends the uncommitted events to stream <paramref name="id"/>, expecting it at the version this
            /// aggregate was loaded at, then marks them committed. Does nothing when there are none.{{then}}
            /// </summary>
            /// <exception cref="{{Runtime}}.ConcurrencyException">The stream changed since it was loaded; nothing was written.</exception>
            {{GeneratedCode.Attribute}}
            public global::System.Threading.Tasks.ValueTask SaveAsync({{Runtime}}.IEventStore store, string id, global::System.Threading.CancellationToken ct = default) =>
                {{Runtime}}.Aggregates.{{save}};

            {{GeneratedCode.Attribute}}
            ref {{Runtime}}.AggregateEvents {{Runtime}}.IEventSourced.Events => ref __events;
            """);
        if (model.CanCreate)
        {
            writer.WriteLine($$"""

                {{GeneratedCode.Attribute}}
                static {{self}} {{Runtime}}.IEventSourced<{{self}}>.CreateEmpty() => new();
                """);
        }

        if (snapshot is not null)
        {
            var state = snapshot.StateType.FullyQualifiedName;
            writer.WriteLine($$"""

                {{GeneratedCode.Attribute}}
                {{state}} {{Runtime}}.ISnapshotSource<{{state}}>.CreateSnapshot() => CreateSnapshot();

                {{GeneratedCode.Attribute}}
                void {{Runtime}}.ISnapshotSource<{{state}}>.RestoreSnapshot({{state}} state) => RestoreSnapshot(state);
                """);
        }

        model.Hierarchy.WriteClose(writer);
        return writer.ToString();
    }

    private static void WriteApplySwitch(SourceWriter writer, AggregateModel model)
    {
        // The throw lives in a helper, one line per case instead of an exception built in each; null lands there too.
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
        writer.WriteLine("__events.Applied();");
    }
}
