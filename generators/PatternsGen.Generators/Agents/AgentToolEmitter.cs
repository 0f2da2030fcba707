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
        model.Hierarchy.WriteOpen(writer);
        var owner = model.Hierarchy.Target.NameWithTypeParameters;
        var tools = model.Tools.ToList();
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
            WriteTool(writer, owner, ClassName(i, tools[i]), tools[i]);
        }

        model.Hierarchy.WriteClose(writer);
        return writer.ToString();
    }

    private static string ClassName(int index, AgentToolModel tool) => $"__AgentTool{index + 1}_{tool.Method}";

    private static void WriteTool(SourceWriter writer, string owner, string className, AgentToolModel tool)
    {
        var bound = tool.Parameters.Where(static p => p.Injected is null).ToList();
        writer.WriteLine($$"""
            /// <summary>The <c>{{tool.Name}}</c> tool: calls <see cref="{{Identifiers.Escape(tool.Method)}}"/>.</summary>
            {{GeneratedCode.Attribute}}
            private sealed class {{className}}({{owner}} owner, {{Agents}}.AgentToolOptions? options)
                : {{Agents}}.AgentToolFunction({{Literal(tool.Name)}}, {{Literal(tool.Description)}}, Schema, StrictSchema, requiresApproval: {{(tool.RequiresApproval ? "true" : "false")}}, options)
            {
                private static readonly global::System.Text.Json.JsonElement Schema = ParseSchema({{Literal(AgentToolSchema.Write(tool, strict: false))}});

                private static readonly global::System.Text.Json.JsonElement StrictSchema = ParseSchema({{Literal(AgentToolSchema.Write(tool, strict: true))}});

                private static readonly string[] Parameters = [{{string.Join(", ", bound.Select(static p => Literal(p.Name)))}}];
            """);
        writer.Indentation++;
        foreach (var parameter in bound)
        {
            writer.WriteLine();
            writer.WriteLine($"private static readonly {Agents}.AgentArgumentReader<{ReadType(parameter.Type!)}> Read_{parameter.Name} = {Reader(parameter.Type!, topLevel: true)};");
        }

        writer.WriteLine();
        var async = tool.Returns is ToolReturn.Task or ToolReturn.TaskOfValue or ToolReturn.ValueTask or ToolReturn.ValueTaskOfValue;
        writer.WriteLine($"protected override {(async ? "async " : "")}global::System.Threading.Tasks.ValueTask<object?> InvokeToolAsync({Agents}.AgentToolArguments arguments, global::System.Threading.CancellationToken ct)");
        writer.OpenBlock();
        writer.WriteLine("arguments.AllowOnly(Parameters);");
        foreach (var parameter in tool.Parameters)
        {
            var local = Identifiers.Escape("arg_" + parameter.Name);
            switch (parameter.Injected)
            {
                case "ct":
                    continue;
                case "services":
                    writer.WriteLine($"var {local} = arguments.Services ?? throw new global::System.InvalidOperationException({Literal($"Tool '{tool.Name}' needs services: pass them in AIFunctionArguments.Services.")});");
                    continue;
            }

            writer.WriteLine($"var {local} = {Bind(parameter)};");
        }

        var call = $"owner.{Identifiers.Escape(tool.Method)}({string.Join(", ", tool.Parameters.Select(static p => p.Injected == "ct" ? "ct" : Identifiers.Escape("arg_" + p.Name)))})";
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

        writer.CloseBlock();
        writer.Indentation--;
        writer.WriteLine("}");
    }

    /// <summary>The binding call for one parameter: required or optional, nullable or not.</summary>
    private static string Bind(ToolParameterModel parameter)
    {
        var type = parameter.Type!;
        var name = Literal(parameter.Name);
        var reader = "Read_" + parameter.Name;
        var valueType = IsValueType(type);
        var bound = (type.Nullable, parameter.Default) switch
        {
            (false, null) => $"arguments.Required({name}, {reader})",
            (false, { } value) => $"arguments.Optional({name}, {reader}, {value.CSharp})",
            (true, null) => valueType ? $"arguments.RequiredOrNullValue({name}, {reader})" : $"arguments.RequiredOrNull({name}, {reader})",
            (true, { } value) => valueType ? $"arguments.OptionalOrNullValue({name}, {reader}, {value.CSharp})" : $"arguments.OptionalOrNull({name}, {reader}, {value.CSharp})",
        };
        return type is { Kind: ToolValueKind.Array, IsList: true }
            ? type.Nullable ? $"{bound} is {{ }} items_{parameter.Name} ? new {type.Type.FullyQualifiedName}(items_{parameter.Name}) : null" : $"new {type.Type.FullyQualifiedName}({bound})"
            : bound;
    }

    private static bool IsValueType(ToolValueType type) => type.Kind is not (ToolValueKind.String or ToolValueKind.Uri or ToolValueKind.Array);

    /// <summary>What the reader returns: the element type for arrays, the non-nullable type otherwise (nullability is the binding call's).</summary>
    private static string ReadType(ToolValueType type) => type.Kind switch
    {
        ToolValueKind.Array => ItemType(type.Element!) + "[]",
        _ => type.Type.FullyQualifiedName,
    };

    private static string ItemType(ToolValueType type) =>
        ReadType(type) + (type.Nullable ? "?" : "");

    private static string Reader(ToolValueType type, bool topLevel)
    {
        var reader = type.Kind switch
        {
            ToolValueKind.Enum => $"{Agents}.AgentArgumentReaders.Enum<{type.Type.FullyQualifiedName}>(static name => name switch {{ {string.Join(", ", type.EnumMembers.Select(m => $"{Literal(m)} => {type.Type.FullyQualifiedName}.{Identifiers.Escape(m)}"))}, _ => null }}, {Literal("one of " + string.Join(", ", type.EnumMembers.Select(static m => "\"" + m + "\"")))})",
            ToolValueKind.Array => $"{Agents}.AgentArgumentReaders.Array({Reader(type.Element!, topLevel: false)})",
            _ => $"{Agents}.AgentArgumentReaders.{type.Kind}",
        };

        // Inside an array a nullable item is read by a nullable reader; at the top the binding call handles null.
        return !topLevel && type.Nullable && IsValueType(type) ? $"{Agents}.AgentArgumentReaders.Nullable({reader})" : reader;
    }

    private static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);
}
