using System.Collections.Generic;
using System.Linq;
using PatternsGen.Generators.Agents.Model;
using PatternsGen.Roslyn;

namespace PatternsGen.Generators.Agents;

/// <summary><see cref="AgentToolRegistryModel"/> → <c>AgentTools.Create</c> and <c>AddPatternsGenAgentTools()</c>. Pure text: no Roslyn types.</summary>
internal static class AgentToolRegistryEmitter
{
    public const string HintName = "PatternsGen.AgentTools.g.cs";

    public static string Emit(AgentToolRegistryModel model)
    {
        var writer = new SourceWriter();
        writer.WriteFileHeader();
        var classes = model.Classes.ToList();
        var parameters = ParameterNames.For(classes);
        writer.WriteLine($$"""
            namespace PatternsGen.Generated
            {
                /// <summary>Every <c>[AgentTool]</c> class of this assembly, for an agent built without a container.</summary>
                {{GeneratedCode.Attribute}}
                internal static class AgentTools
                {
                    /// <summary>The tools of every <c>[AgentTool]</c> class of this assembly, served by the instances given.</summary>
                    public static global::System.Collections.Generic.IReadOnlyList<global::Microsoft.Extensions.AI.AIFunction> Create(
            """);
        writer.Indentation = 3;
        foreach (var (type, name) in classes.Zip(parameters, static (t, n) => (t, n)))
        {
            writer.WriteLine($"{type.FullyQualifiedName} {name},");
        }

        writer.WriteLine("global::PatternsGen.Agents.AgentToolOptions? options = null) =>");
        writer.WriteLine($"[{string.Join(", ", parameters.Select(static p => $".. {p}.GetAgentTools(options)"))}];");
        writer.Indentation = 0;
        writer.WriteLine("""
                }
            }
            """);
        if (!model.HasServiceCollection)
        {
            return writer.ToString();
        }

        ServiceCollectionExtension.WriteOpen(
            writer, "PatternsGenAgentToolsServiceCollectionExtensions", "agent tools", "AddPatternsGenAgentTools",
            "Registers every <c>[AgentTool]</c> class of this assembly (one instance each, unless already registered) and its tools as an " +
            "<see cref=\"global::PatternsGen.Agents.AgentToolSet\"/>, made with the <see cref=\"global::PatternsGen.Agents.AgentToolOptions\"/> " +
            "service if there is one. All tools: <see cref=\"global::PatternsGen.Agents.AgentToolSet.All(global::System.IServiceProvider)\"/>.");
        foreach (var type in classes)
        {
            writer.WriteLine($"global::PatternsGen.Agents.AgentToolSet.Add<{type.FullyQualifiedName}>(services);");
        }

        ServiceCollectionExtension.WriteClose(writer, "agent tools");
        return writer.ToString();
    }
}
