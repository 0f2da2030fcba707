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
            public void ApplyEvent(object @event)
            {
                if (@event is null)
                {
                    throw new global::System.ArgumentNullException(nameof(@event));
                }

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
                    foreach (var @event in events)
                    {
                        aggregate.ApplyEvent(@event);
                    }

                    return aggregate;
                }
                """);
        }

        model.Hierarchy.WriteClose(writer);
        return writer.ToString();
    }

    private static void WriteApplySwitch(SourceWriter writer, AggregateModel model)
    {
        var unknown = $"throw new global::PatternsGen.EventSourcing.UnknownEventException(typeof({model.Hierarchy.FullyQualifiedName}), @event.GetType());";
        if (model.ApplyMethods.Count == 0)
        {
            writer.WriteLine(unknown); // a switch with only a default would leave 'Version++' unreachable (CS0162)
            return;
        }

        writer.WriteLine("switch (@event)");
        writer.OpenBlock();
        foreach (var apply in model.ApplyMethods)
        {
            writer.WriteLine($"case {apply.EventType.FullyQualifiedName} e:");
            writer.WriteLine("    Apply(e);");
            writer.WriteLine("    break;");
        }

        writer.WriteLine("default:");
        writer.WriteLine("    " + unknown);
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("Version++;");
    }
}
