using System.Collections.Generic;
using System.Linq;
using PatternsGen.Roslyn;

namespace PatternsGen.Generators.Agents;

/// <summary>
/// The argument readers of one tool class, each written once as a static field of a nested
/// <c>__AgentToolReaders</c> class and shared by every tool of the class. The runtime's scalar readers are
/// used directly; enums, arrays, nullable items and objects get a field, made before any field that uses it.
/// </summary>
internal sealed class AgentToolReaders
{
    private const string Agents = "global::PatternsGen.Agents";
    private const string ClassName = "__AgentToolReaders";

    private readonly List<(string Field, string Type, string Initializer)> _fields = [];
    private readonly Dictionary<string, string> _byInitializer = [];
    private readonly List<string> _builders = [];

    /// <summary>An expression for the reader of <paramref name="type"/> (without nullability at the top: the binding call handles null there).</summary>
    public string For(ToolValueType type) => For(type, topLevel: true);

    public void Write(SourceWriter writer)
    {
        if (_fields.Count == 0)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>The argument readers of this class's tools: enums, arrays and objects, each made once.</summary>");
        writer.WriteLine(GeneratedCode.Attribute);
        writer.WriteLine($"private static class {ClassName}");
        writer.OpenBlock();
        for (var i = 0; i < _fields.Count; i++)
        {
            var (field, type, initializer) = _fields[i];
            writer.WriteLine((i == 0 ? "" : "\n") + $"public static readonly {Agents}.AgentArgumentReader<{type}> {field} = {initializer};");
        }

        foreach (var builder in _builders)
        {
            writer.WriteLine();
            foreach (var line in builder.Split('\n'))
            {
                writer.WriteLine(line);
            }
        }

        writer.CloseBlock();
    }

    private string For(ToolValueType type, bool topLevel)
    {
        var reader = type.Kind switch
        {
            ToolValueKind.Enum => Field(
                type.Type.Name, type.Type.FullyQualifiedName,
                $"{Agents}.AgentArgumentReaders.Enum<{type.Type.FullyQualifiedName}>([{string.Join(", ", type.EnumMembers.Select(AgentToolEmitter.Literal))}], [{string.Join(", ", type.EnumMembers.Select(m => type.Type.FullyQualifiedName + "." + Identifiers.Escape(m)))}])"),
            ToolValueKind.Array => Field(
                Describe(type), ReadType(type),
                $"{Agents}.AgentArgumentReaders.Array({For(type.Element!, topLevel: false)})"),
            ToolValueKind.Object => ObjectReader(type),
            _ => $"{Agents}.AgentArgumentReaders.{type.Kind}",
        };

        // Inside an array a nullable item is read by a nullable reader; at the top the binding call handles null.
        return !topLevel && type.Nullable && AgentToolEmitter.IsValueType(type)
            ? Field("Nullable" + Describe(type), ReadType(type) + "?", $"{Agents}.AgentArgumentReaders.Nullable({reader})")
            : reader;
    }

    private string ObjectReader(ToolValueType type)
    {
        var key = "object " + type.Type.FullyQualifiedName; // a type has one shape, nullable or not
        if (_byInitializer.TryGetValue(key, out var existing))
        {
            return existing;
        }

        // The property readers first: their fields must be made before the object's field captures them.
        var properties = type.Object!.Properties.ToList();
        var binds = properties.Where(static p => p.Binding is ToolPropertyBinding.Constructor or ToolPropertyBinding.RequiredProperty)
            .ToDictionary(static p => p.Member, p => AgentToolEmitter.Bind("properties", p.JsonName, p.Member, p.Type, p.Default, this));
        var later = properties.Where(static p => p.Binding is ToolPropertyBinding.SetProperty or ToolPropertyBinding.WithProperty)
            .ToDictionary(static p => p.Member, TryGet);

        var builder = "Build" + Identifiers.Escape(type.Type.Name).TrimStart('@') + (_builders.Count + 1);
        var names = string.Join(", ", properties.Select(static p => AgentToolEmitter.Literal(p.JsonName)));
        var field = Field(type.Type.Name, type.Type.FullyQualifiedName, $"{Agents}.AgentArgumentReaders.Object<{type.Type.FullyQualifiedName}>([{names}], {builder})", key);

        // Every property is read, and the object checked for others, before any of the type's own code (its
        // constructor, its setters) runs: a bad argument never reaches user code, not even half-built.
        var body = new List<string> { $"private static {type.Type.FullyQualifiedName} {builder}(ref {Agents}.AgentToolArguments properties)", "{" };
        foreach (var property in properties)
        {
            body.Add(binds.TryGetValue(property.Member, out var bind)
                ? $"    var {Read(property)} = {bind};"
                : $"    var has_{property.Member} = {later[property.Member]};");
        }

        body.Add("    properties.EnsureNoOthers();");
        var constructorArguments = properties.Where(static p => p.Binding == ToolPropertyBinding.Constructor).Select(Read);
        var required = properties.Where(static p => p.Binding == ToolPropertyBinding.RequiredProperty).ToList();
        body.Add($"    var value = new {type.Type.FullyQualifiedName}({string.Join(", ", constructorArguments)})" + (required.Count == 0 ? ";" : ""));
        if (required.Count > 0)
        {
            body.Add("    {");
            body.AddRange(required.Select(p => $"        {Identifiers.Escape(p.Member)} = {Read(p)},"));
            body.Add("    };");
        }

        foreach (var property in properties.Where(p => later.ContainsKey(p.Member)))
        {
            var member = Identifiers.Escape(property.Member);
            var assigned = AgentToolEmitter.FromRead(property.Type, "given_" + property.Member, property.Member);
            body.Add($"    if (has_{property.Member})");
            body.Add("    {");
            body.Add(property.Binding == ToolPropertyBinding.SetProperty
                ? $"        value.{member} = {assigned};"
                : $"        value = value with {{ {member} = {assigned} }};");
            body.Add("    }");
        }

        body.Add("");
        body.Add("    return value;");
        body.Add("}");
        _builders.Add(string.Join("\n", body));
        return field;
    }

    /// <summary>The local a property read before construction is held in.</summary>
    private static string Read(ToolPropertyModel property) => "read_" + property.Member;

    /// <summary>The read of an optional property set after construction: true when given, its value in <c>given_Member</c>.</summary>
    private string TryGet(ToolPropertyModel property)
    {
        var reader = For(property.Type);
        var method = !property.Type.Nullable ? "TryGet" : AgentToolEmitter.IsValueType(property.Type) ? "TryGetOrNullValue" : "TryGetOrNull";
        return $"properties.{method}({AgentToolEmitter.Literal(property.JsonName)}, {reader}, out var given_{property.Member})";
    }

    private string Field(string name, string type, string initializer, string? key = null)
    {
        key ??= initializer;
        if (_byInitializer.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var field = "Read" + Identifiers.Escape(name).TrimStart('@');
        for (var n = 2; _fields.Any(f => f.Field == field); n++)
        {
            field = "Read" + Identifiers.Escape(name).TrimStart('@') + n;
        }

        _fields.Add((field, type, initializer));
        var reference = ClassName + "." + field;
        _byInitializer.Add(key, reference);
        return reference;
    }

    /// <summary>What the reader returns: the element type for arrays, the non-nullable type otherwise.</summary>
    private static string ReadType(ToolValueType type) => type.Kind switch
    {
        ToolValueKind.Array => ReadType(type.Element!) + (type.Element!.Nullable ? "?" : "") + "[]",
        _ => type.Type.FullyQualifiedName,
    };

    private static string Describe(ToolValueType type) =>
        type.Kind == ToolValueKind.Array ? "ArrayOf" + (type.Element!.Nullable ? "Nullable" : "") + Describe(type.Element) : type.Type.Name;
}
