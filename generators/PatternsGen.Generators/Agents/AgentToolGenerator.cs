using Microsoft.CodeAnalysis;
using PatternsGen.Generators.Agents.Model;
using PatternsGen.Roslyn;

namespace PatternsGen.Generators.Agents;

/// <summary>
/// For every class with <c>[AgentTool]</c> methods: <c>GetAgentTools()</c>, and per tool a sealed
/// <c>AIFunction</c> with its JSON schema written at build time and generated argument binding.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class AgentToolGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var classes = ClassModels
            .PerClassFromMethods(context, KnownTypes.AgentToolAttribute, AgentToolParser.Parse, static model => model.Type)
            .WithTrackingName(TrackingNames.AgentToolModels);

        context.RegisterSourceOutput(classes, static (output, model) =>
            output.AddSource(model.Hierarchy.HintName("AgentTools"), AgentToolEmitter.Emit(model)));

        var hasServiceCollection = ClassModels.HasServiceCollection(context);
        var registry = classes
            .Select(static (model, _) => model.Type)
            .Collect()
            .Combine(hasServiceCollection)
            .Select(static (pair, _) => new AgentToolRegistryModel(pair.Left.ToEquatableArray(), pair.Right))
            .WithTrackingName(TrackingNames.AgentToolRegistry);

        context.RegisterSourceOutput(registry, static (output, model) =>
        {
            if (model.Classes.Count > 0)
            {
                output.AddSource(AgentToolRegistryEmitter.HintName, AgentToolRegistryEmitter.Emit(model));
            }
        });
    }
}
