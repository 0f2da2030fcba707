using Microsoft.CodeAnalysis.CSharp;
using PatternsGen.Generators.Events.Model;
using PatternsGen.Roslyn;

namespace PatternsGen.Generators.Events;

/// <summary><see cref="EventRegistryModel"/> → the module initializer that registers the assembly's event types.</summary>
internal static class EventTypesEmitter
{
    public const string HintName = "PatternsGen.EventTypes.g.cs";

    public static string Emit(EventRegistryModel model)
    {
        var writer = new SourceWriter();
        writer.WriteFileHeader();
        writer.WriteLine($$"""
            namespace PatternsGen.Generated
            {
                /// <summary>
                /// Registers this assembly's event types (every [Event] type and every type an [Aggregate] applies)
                /// with <see cref="global::PatternsGen.EventSourcing.EventTypes"/> when the assembly loads, so event
                /// stores can name, store and read them without reflection.
                /// </summary>
                {{GeneratedCode.Attribute}}
                internal static class EventTypeRegistration
                {
                    [global::System.Runtime.CompilerServices.ModuleInitializer]
                    internal static void Register()
                    {
            """);
        writer.Indentation = 3;
        foreach (var e in model.EventTypes)
        {
            writer.WriteLine($"global::PatternsGen.EventSourcing.EventTypes.Register<{e.Type.FullyQualifiedName}>({SymbolDisplay.FormatLiteral(e.Name, quote: true)});");
        }

        writer.Indentation = 0;
        writer.WriteLine("""
                    }
                }
            }
            """);
        return writer.ToString();
    }
}
