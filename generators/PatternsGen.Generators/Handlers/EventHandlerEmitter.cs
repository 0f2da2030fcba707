using Microsoft.CodeAnalysis.CSharp;
using PatternsGen.Generators.Handlers.Model;
using PatternsGen.Roslyn;

namespace PatternsGen.Generators.Handlers;

/// <summary><see cref="EventHandlerClassModel"/> → the class's dispatcher and bus registrations. Pure text: no Roslyn types.</summary>
internal static class EventHandlerEmitter
{
    private const string Messaging = "global::PatternsGen.Messaging";

    public static string Emit(EventHandlerClassModel model)
    {
        var writer = new SourceWriter();
        writer.WriteFileHeader();
        model.Hierarchy.WriteOpen(writer, $" : {Messaging}.IEventHandlerClass<{model.Hierarchy.FullyQualifiedName}>");

        var type = model.Type.FullyQualifiedName;
        writer.WriteLine($$"""
            /// <summary>
            /// This class's handlers as the bus registers them, each served by an instance from <paramref name="dispatch"/>
            /// (<see cref="{{Messaging}}.EventDispatch.From{T}(global::System.Func{T})"/>, or a scope per message with
            /// <see cref="{{Messaging}}.EventDispatch.FromServices{T}(global::System.IServiceProvider)"/>).
            /// </summary>
            {{GeneratedCode.Attribute}}
            public static {{Messaging}}.EventHandlerRegistration[] GetEventHandlers({{Messaging}}.EventDispatch<{{type}}> dispatch) =>
            [
            """);
        writer.Indentation++;
        for (var i = 0; i < model.Handlers.Count; i++)
        {
            var handler = model.Handlers[i];
            var name = Literal($"{model.Name}.{handler.Method}");
            var subscription = handler.Topic is { } topic
                ? $"null, {Literal(topic)}"
                : $"typeof({handler.EventType.FullyQualifiedName}), null";
            writer.WriteLine($"new({name}, {subscription}, usesInbox: {(handler.UsesInbox ? "true" : "false")}, dispatch.For({i})),");
        }

        writer.Indentation--;
        writer.WriteLine("];");
        writer.WriteLine();
        writer.WriteLine($$"""
            /// <summary>Calls handler number <paramref name="handler"/> of <see cref="GetEventHandlers"/> with <paramref name="event"/> cast to its event type.</summary>
            {{GeneratedCode.Attribute}}
            public global::System.Threading.Tasks.ValueTask DispatchEventAsync(int handler, object @event, {{Messaging}}.EventContext context, global::System.Threading.CancellationToken ct)
            {
                switch (handler)
                {
            """);
        writer.Indentation += 2;
        for (var i = 0; i < model.Handlers.Count; i++)
        {
            var handler = model.Handlers[i];
            var arguments = handler.Parameters switch
            {
                HandlerParameters.Event => $"({handler.EventType.FullyQualifiedName})@event",
                HandlerParameters.EventAndToken => $"({handler.EventType.FullyQualifiedName})@event, ct",
                _ => $"({handler.EventType.FullyQualifiedName})@event, context, ct",
            };
            var call = $"{Identifiers.Escape(handler.Method)}({arguments})";
            writer.WriteLine($"case {i}:");
            writer.Indentation++;
            switch (handler.Returns)
            {
                case HandlerReturn.Void:
                    writer.WriteLine($"{call};");
                    writer.WriteLine("return default;");
                    break;
                case HandlerReturn.Task:
                    writer.WriteLine($"return new global::System.Threading.Tasks.ValueTask({call});");
                    break;
                default:
                    writer.WriteLine($"return {call};");
                    break;
            }

            writer.Indentation--;
        }

        writer.WriteLine("default:");
        writer.WriteLine($"    throw new global::System.ArgumentOutOfRangeException(nameof(handler), handler, {Literal($"{model.Type.Name} has {model.Handlers.Count} event handler(s).")});");
        writer.Indentation -= 2;
        writer.WriteLine("""
                }
            }
            """);

        model.Hierarchy.WriteClose(writer);
        return writer.ToString();
    }

    private static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);
}
