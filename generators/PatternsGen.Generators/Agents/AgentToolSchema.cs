using System.Collections.Generic;
using System.Linq;
using System.Text;
using PatternsGen.Generators.Agents.Model;
using PatternsGen.Roslyn;

namespace PatternsGen.Generators.Agents;

/// <summary>
/// A tool's JSON schema, written at build time from its model: an object of its bound parameters, required
/// unless they have a default, no other properties; object parameters the same way, nested. The strict
/// variant (OpenAI strict mode) requires every property at every level, lets the optional ones be null
/// instead, and has no defaults.
/// </summary>
internal static class AgentToolSchema
{
    public static string Write(AgentToolModel tool, bool strict)
    {
        var json = new StringBuilder();
        var properties = tool.Parameters
            .Where(static p => p.IsBound)
            .Select(static p => new SchemaProperty(p.Name, p.Type!, p.Description, p.Default, Required: p.Default is null));
        WriteObject(json, properties, strict, orNull: false);
        return json.ToString();
    }

    /// <summary>One property of an object schema.</summary>
    private readonly record struct SchemaProperty(string Name, ToolValueType Type, string? Description, ToolDefault? Default, bool Required);

    private static void WriteObject(StringBuilder json, IEnumerable<SchemaProperty> properties, bool strict, bool orNull)
    {
        var list = properties.ToList();
        json.Append("{\"type\":").Append(orNull ? "[\"object\",\"null\"]" : "\"object\"").Append(",\"properties\":{");
        for (var i = 0; i < list.Count; i++)
        {
            var property = list[i];
            json.Append(i == 0 ? "" : ",").Append(Json.String(property.Name)).Append(':');
            WriteValue(json, property.Type, property.Description, strict, orNull: property.Type.Nullable || (strict && !property.Required), strict ? null : property.Default);
        }

        json.Append("},\"required\":[");
        json.Append(string.Join(",", list.Where(p => strict || p.Required).Select(static p => Json.String(p.Name))));
        json.Append("],\"additionalProperties\":false}");
    }

    private static void WriteValue(StringBuilder json, ToolValueType type, string? description, bool strict, bool orNull, ToolDefault? fallback)
    {
        if (type.Object is { } shape)
        {
            var start = json.Length;
            WriteObject(json, shape.Properties.Select(static p => new SchemaProperty(p.JsonName, p.Type, p.Description, p.Default, p.IsRequired)), strict, orNull);
            if (description is not null)
            {
                json.Insert(start + 1, "\"description\":" + Json.String(description) + ",");
            }

            if (fallback is not null)
            {
                json.Insert(json.Length - 1, ",\"default\":" + fallback.Json);
            }

            return;
        }

        json.Append('{');
        if (description is not null)
        {
            json.Append("\"description\":").Append(Json.String(description)).Append(',');
        }

        Type(json, type, orNull, strict);
        if (fallback is not null)
        {
            json.Append(",\"default\":").Append(fallback.Json);
        }

        json.Append('}');
    }

    private static void Type(StringBuilder json, ToolValueType type, bool orNull, bool strict)
    {
        var (name, format) = type.Kind switch
        {
            ToolValueKind.String or ToolValueKind.Enum => ("string", null),
            ToolValueKind.Boolean => ("boolean", null),
            ToolValueKind.Int32 or ToolValueKind.Int64 => ("integer", null),
            ToolValueKind.Single or ToolValueKind.Double or ToolValueKind.Decimal => ("number", null),
            ToolValueKind.Guid => ("string", "uuid"),
            ToolValueKind.DateTime or ToolValueKind.DateTimeOffset => ("string", "date-time"),
            ToolValueKind.Uri => ("string", "uri"),
            _ => ("array", (string?)null),
        };
        json.Append("\"type\":").Append(orNull ? $"[\"{name}\",\"null\"]" : $"\"{name}\"");
        if (format is not null)
        {
            json.Append(",\"format\":\"").Append(format).Append('"');
        }

        if (type.Kind == ToolValueKind.Enum)
        {
            json.Append(",\"enum\":[").Append(string.Join(",", type.EnumMembers.Select(Json.String))).Append(orNull ? ",null]" : "]");
        }

        if (type.Element is { } element)
        {
            json.Append(",\"items\":");
            WriteValue(json, element, null, strict, element.Nullable, null);
        }
    }
}
