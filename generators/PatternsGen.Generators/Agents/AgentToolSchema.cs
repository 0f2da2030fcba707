using System.Linq;
using System.Text;
using PatternsGen.Generators.Agents.Model;
using PatternsGen.Roslyn;

namespace PatternsGen.Generators.Agents;

/// <summary>
/// A tool's JSON schema, written at build time from its model: an object of its bound parameters, required
/// unless they have a default, no other properties. The strict variant (OpenAI strict mode) requires every
/// property, lets the optional ones be null instead, and has no defaults.
/// </summary>
internal static class AgentToolSchema
{
    public static string Write(AgentToolModel tool, bool strict)
    {
        var bound = tool.Parameters.Where(static p => p.Injected is null).ToList();
        var json = new StringBuilder("{\"type\":\"object\",\"properties\":{");
        for (var i = 0; i < bound.Count; i++)
        {
            var parameter = bound[i];
            json.Append(i == 0 ? "" : ",").Append(Json.String(parameter.Name)).Append(":{");
            if (parameter.Description is { } description)
            {
                json.Append("\"description\":").Append(Json.String(description)).Append(',');
            }

            Type(json, parameter.Type!, orNull: parameter.Type!.Nullable || (strict && parameter.Default is not null));
            if (!strict && parameter.Default is { } value)
            {
                json.Append(",\"default\":").Append(value.Json);
            }

            json.Append('}');
        }

        json.Append("},\"required\":[");
        json.Append(string.Join(",", bound.Where(p => strict || p.Default is null).Select(static p => Json.String(p.Name))));
        return json.Append("],\"additionalProperties\":false}").ToString();
    }

    private static void Type(StringBuilder json, ToolValueType type, bool orNull)
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
            json.Append(",\"items\":{");
            Type(json, element, element.Nullable);
            json.Append('}');
        }
    }
}
