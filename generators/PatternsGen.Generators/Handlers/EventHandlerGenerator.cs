using System.Linq;
using Microsoft.CodeAnalysis;
using PatternsGen.Generators.Handlers.Model;
using PatternsGen.Roslyn;

namespace PatternsGen.Generators.Handlers;

/// <summary>
/// For every class with <c>[EventHandler]</c> methods: its dispatcher (<c>DispatchEventAsync</c>) and its
/// bus registrations (<c>GetEventHandlers</c>). For the assembly: <c>AddPatternsGen()</c> on
/// <c>IServiceCollection</c>, and <c>PatternsGen.Generated.EventHandlers.Create</c> for code without a container.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class EventHandlerGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var classes = ClassModels
            .PerClassFromMethods(context, KnownTypes.EventHandlerAttribute, EventHandlerParser.Parse, static model => model.Type)
            .WithTrackingName(TrackingNames.EventHandlerModels);

        context.RegisterSourceOutput(classes, static (output, model) =>
            output.AddSource(model.Hierarchy.HintName("EventHandlers"), EventHandlerEmitter.Emit(model)));

        var hasServiceCollection = ClassModels.HasServiceCollection(context);
        var registry = classes
            .Select(static (model, _) => model.Type)
            .Collect()
            .Combine(hasServiceCollection)
            .Select(static (pair, _) => new EventHandlerRegistryModel(pair.Left.ToEquatableArray(), pair.Right))
            .WithTrackingName(TrackingNames.EventHandlerRegistry);

        context.RegisterSourceOutput(registry, static (output, model) =>
        {
            if (model.Classes.Count > 0)
            {
                output.AddSource(EventHandlerRegistryEmitter.HintName, EventHandlerRegistryEmitter.Emit(model));
            }
        });
    }
}
