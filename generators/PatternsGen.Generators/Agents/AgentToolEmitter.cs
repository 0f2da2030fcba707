using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using PatternsGen.Generators.Agents.Model;
using PatternsGen.Roslyn;

namespace PatternsGen.Generators.Agents;

/// <summary><see cref="AgentToolClassModel"/> → <c>GetAgentTools()</c> and one <c>AIFunction</c> per tool. Pure text: no Roslyn types.</summary>
internal static class AgentToolEmitter
{
    private const string Agents = "global::PatternsGen.Agents";

    public static string Emit(AgentToolClassModel model)
    {
        var writer = new SourceWriter();
        writer.WriteFileHeader();
        model.Hierarchy.WriteOpen(writer, " : global::PatternsGen.Agents.IAgentToolClass");
        var owner = model.Hierarchy.Target.NameWithTypeParameters;
        var tools = model.Tools.ToList();
        var readers = new AgentToolReaders();
        writer.WriteLine($$"""
            /// <summary>
            /// This class's <c>[AgentTool]</c> methods as <see cref="global::Microsoft.Extensions.AI.AIFunction"/>s: {{string.Join(", ", tools.Select(static t => t.Name))}}.
            /// Their JSON schemas were written at build time; their arguments are bound without reflection, and a call whose
            /// arguments do not match throws <see cref="{{Agents}}.AgentToolArgumentException"/> before the method runs.
            /// </summary>
            {{GeneratedCode.Attribute}}
            public global::System.Collections.Generic.IReadOnlyList<global::Microsoft.Extensions.AI.AIFunction> GetAgentTools({{Agents}}.AgentToolOptions? options = null) =>
            [
            """);
        writer.Indentation++;
        for (var i = 0; i < tools.Count; i++)
        {
            writer.WriteLine($"new {ClassName(i, tools[i])}(this, options),");
        }

        writer.Indentation--;
        writer.WriteLine("];");
        for (var i = 0; i < tools.Count; i++)
        {
            writer.WriteLine();
            WriteTool(writer, owner, ClassName(i, tools[i]), tools[i], readers);
        }

        readers.Write(writer);

        model.Hierarchy.WriteClose(writer);
        return writer.ToString();
    }

    private static string ClassName(int index, AgentToolModel tool) => $"__AgentTool{index + 1}_{tool.Method}";

    private static void WriteTool(SourceWriter writer, string owner, string className, AgentToolModel tool, AgentToolReaders readers)
    {
        var bound = tool.Parameters.Where(static p => p.IsBound).ToList();
        var schema = AgentToolSchema.Write(tool, strict: false);
        var strictSchema = AgentToolSchema.Write(tool, strict: true);

        // The strict schema differs only where a property is optional or has a default; when they are equal, one field serves both.
        var sameSchema = schema == strictSchema;
        writer.WriteLine($$"""
            /// <summary>The <c>{{tool.Name}}</c> tool: calls <see cref="{{Identifiers.Escape(tool.Method)}}"/>.</summary>
            {{GeneratedCode.Attribute}}
            private sealed class {{className}}({{owner}} owner, {{Agents}}.AgentToolOptions? options)
                : {{Agents}}.AgentToolFunction({{Literal(tool.Name)}}, {{Literal(tool.Description)}}, Schema, {{(sameSchema ? "Schema" : "StrictSchema")}}, Parameters, requiresApproval: {{(tool.RequiresApproval ? "true" : "false")}}, options)
            {
                private static readonly global::System.Text.Json.JsonElement Schema = ParseSchema({{Literal(schema)}});
            """);
        writer.Indentation++;
        if (!sameSchema)
        {
            writer.WriteLine();
            writer.WriteLine($"private static readonly global::System.Text.Json.JsonElement StrictSchema = ParseSchema({Literal(strictSchema)});");
        }

        writer.WriteLine();
        writer.WriteLine($"private static readonly string[] Parameters = [{string.Join(", ", bound.Select(static p => Literal(p.Name)))}];");
        writer.WriteLine();
        var async = tool.Returns is ToolReturn.Task or ToolReturn.TaskOfValue or ToolReturn.ValueTask or ToolReturn.ValueTaskOfValue;
        writer.WriteLine($"protected override {(async ? "async " : "")}global::System.Threading.Tasks.ValueTask<object?> InvokeCoreAsync(global::Microsoft.Extensions.AI.AIFunctionArguments call, global::System.Threading.CancellationToken ct)");
        writer.OpenBlock();
        writer.WriteLine("var arguments = Arguments(call);");
        foreach (var parameter in tool.Parameters)
        {
            var local = Identifiers.Escape("arg_" + parameter.Name);
            switch (parameter.Kind)
            {
                case ToolParameterKind.CancellationToken:
                    continue;
                case ToolParameterKind.Services:
                    writer.WriteLine($"var {local} = call.Services ?? throw new global::System.InvalidOperationException({Literal($"Tool '{tool.Name}' needs services: pass them in AIFunctionArguments.Services.")});");
                    continue;
            }

            writer.WriteLine($"var {local} = {Bind("arguments", parameter.Name, parameter.Name, parameter.Type!, parameter.Default, readers)};");
        }

        writer.WriteLine("arguments.EnsureNoOthers();");
        WriteCall(writer, tool, "arg_");
        writer.CloseBlock();
        writer.Indentation--;
        writer.WriteLine("}");
    }

    /// <summary>The call of the method with the values bound to locals named <paramref name="prefix"/> and each parameter's name, and the return of its result.</summary>
    private static void WriteCall(SourceWriter writer, AgentToolModel tool, string prefix)
    {
        var call = $"owner.{Identifiers.Escape(tool.Method)}({string.Join(", ", tool.Parameters.Select(p => p.Kind == ToolParameterKind.CancellationToken ? "ct" : Identifiers.Escape(prefix + p.Name)))})";
        switch (tool.Returns)
        {
            case ToolReturn.Void:
                writer.WriteLine($"{call};");
                writer.WriteLine("return default;");
                break;
            case ToolReturn.Value:
                writer.WriteLine($"return new global::System.Threading.Tasks.ValueTask<object?>(Result({call}));");
                break;
            case ToolReturn.Task or ToolReturn.ValueTask:
                writer.WriteLine($"await {call}.ConfigureAwait(false);");
                writer.WriteLine("return null;");
                break;
            default:
                writer.WriteLine($"return Result(await {call}.ConfigureAwait(false));");
                break;
        }
    }

    /// <summary>The binding call for one value (a parameter or a constructor argument): required or optional, nullable or not.</summary>
    internal static string Bind(string source, string name, string identifier, ToolValueType type, ToolDefault? fallback, AgentToolReaders readers)
    {
        var reader = readers.For(type);
        var literal = Literal(name);
        var bound = (type.Nullable, fallback) switch
        {
            (false, null) => $"{source}.Required({literal}, {reader})",
            (false, { } value) => $"{source}.Optional({literal}, {reader}, {value.CSharp})",
            (true, null) => IsValueType(type) ? $"{source}.RequiredOrNullValue({literal}, {reader})" : $"{source}.RequiredOrNull({literal}, {reader})",
            (true, { } value) => IsValueType(type) ? $"{source}.OptionalOrNullValue({literal}, {reader}, {value.CSharp})" : $"{source}.OptionalOrNull({literal}, {reader}, {value.CSharp})",
        };
        return FromRead(type, bound, identifier);
    }

    /// <summary>The value a reader returned as the declared type: a <c>List&lt;T&gt;</c> is made from the array read.</summary>
    internal static string FromRead(ToolValueType type, string read, string identifier) =>
        type is { Kind: ToolValueKind.Array, IsList: true }
            ? type.Nullable ? $"{read} is {{ }} items_{identifier} ? new {type.Type.FullyQualifiedName}(items_{identifier}) : null" : $"new {type.Type.FullyQualifiedName}({read})"
            : read;

    internal static bool IsValueType(ToolValueType type) => type.Kind switch
    {
        ToolValueKind.String or ToolValueKind.Uri or ToolValueKind.Array => false,
        ToolValueKind.Object => type.Object!.IsStruct,
        _ => true,
    };

    internal static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);
}
