using System.Collections.Generic;
using System.Linq;
using PatternsGen.Generators.Handlers.Model;
using PatternsGen.Roslyn;

namespace PatternsGen.Generators.Handlers;

/// <summary><see cref="EventHandlerRegistryModel"/> → <c>AddPatternsGen()</c> and <c>EventHandlers.Create</c>. Pure text: no Roslyn types.</summary>
internal static class EventHandlerRegistryEmitter
{
    public const string HintName = "PatternsGen.EventHandlers.g.cs";

    private const string Messaging = "global::PatternsGen.Messaging";

    public static string Emit(EventHandlerRegistryModel model)
    {
        var writer = new SourceWriter();
        writer.WriteFileHeader();
        var classes = model.Classes.ToList();
        var parameters = ParameterNames.For(classes);

        writer.WriteLine($$"""
            namespace PatternsGen.Generated
            {
                /// <summary>Every <c>[EventHandler]</c> class of this assembly, for a bus built without a container.</summary>
                {{GeneratedCode.Attribute}}
                internal static class EventHandlers
                {
                    /// <summary>
                    /// The handlers of every <c>[EventHandler]</c> class of this assembly, each class served by the instance its
                    /// factory returns (return one instance to share it; factories are called per message, so a handler
                    /// may take the bus it is registered with).
                    /// </summary>
                    /// <remarks>
                    /// One parameter per class, named after it and in the order of the classes' names: pass them by name
                    /// (<c>paymentHandlers: () => new PaymentHandlers(...)</c>) and their order does not matter.
                    /// </remarks>
                    public static global::System.Collections.Generic.IReadOnlyList<{{Messaging}}.EventHandlerRegistration> Create(
            """);
        writer.Indentation = 3;
        for (var i = 0; i < classes.Count; i++)
        {
            writer.WriteLine($"global::System.Func<{classes[i].FullyQualifiedName}> {parameters[i]}{(i < classes.Count - 1 ? "," : ")")}");
        }

        writer.Indentation = 2;
        writer.WriteLine("{");
        writer.Indentation = 3;
        writer.WriteLine($"var handlers = new global::System.Collections.Generic.List<{Messaging}.EventHandlerRegistration>();");
        for (var i = 0; i < classes.Count; i++)
        {
            writer.WriteLine($"handlers.AddRange({classes[i].FullyQualifiedName}.GetEventHandlers({Messaging}.EventDispatch.From({parameters[i]})));");
        }

        writer.WriteLine("return handlers;");
        writer.Indentation = 0;
        writer.WriteLine("""
                    }
                }
            }
            """);

        if (model.HasServiceCollection)
        {
            WriteAddPatternsGen(writer, classes);
        }

        return writer.ToString();
    }

    private static void WriteAddPatternsGen(SourceWriter writer, List<TypeRef> classes)
    {
        ServiceCollectionExtension.WriteOpen(
            writer, "PatternsGenServiceCollectionExtensions", "handlers", "AddPatternsGen",
            "Registers every <c>[EventHandler]</c> class of this assembly (scoped: a new scope per message), its handlers, and, unless " +
            $"already registered, an <see cref=\"{Messaging}.InMemoryEventBus\"/> as <see cref=\"{Messaging}.IEventBus\"/> (configured by an " +
            $"<see cref=\"{Messaging}.EventBusOptions\"/> service, if one is registered).");
        foreach (var type in classes)
        {
            writer.WriteLine($"{Messaging}.EventHandlerSet.Add<{type.FullyQualifiedName}>(services);");
        }

        writer.WriteLine($"{Messaging}.EventHandlerSet.AddInMemoryBus(services);");
        ServiceCollectionExtension.WriteClose(writer, "handlers");
    }
}
