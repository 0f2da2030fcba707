using System.Text.Json;
using Microsoft.Extensions.AI;

namespace PatternsGen.Agents;

/// <summary>Arguments as a model sends them: one JSON object, checked before anything is bound.</summary>
public static class AgentToolJson
{
    /// <summary>
    /// Parses a call's arguments text into <see cref="AIFunctionArguments"/>. Empty or whitespace text is no
    /// arguments. Malformed JSON, anything but an object, a repeated property, text over
    /// <see cref="AgentToolLimits.MaxArgumentsLength"/> or nesting over <see cref="AgentToolLimits.MaxDepth"/> is refused.
    /// </summary>
    /// <exception cref="AgentToolArgumentException">The text cannot be the arguments of a call.</exception>
    public static AIFunctionArguments ParseArguments(string tool, string? json, AgentToolLimits? limits = null)
    {
        limits ??= AgentToolLimits.Default;
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        if (json.Length > limits.MaxArgumentsLength)
        {
            throw new AgentToolArgumentException(tool, "(arguments)", $"at most {limits.MaxArgumentsLength} characters", $"{json.Length} characters");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = limits.MaxDepth + 1 });
        }
        catch (JsonException error)
        {
            throw new AgentToolArgumentException(tool, "(arguments)", "a JSON object", "malformed JSON (" + error.Message.Split('.')[0] + ")");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new AgentToolArgumentException(tool, "(arguments)", "a JSON object", ArgumentPosition.Describe(document.RootElement));
            }

            var arguments = new AIFunctionArguments();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (arguments.ContainsKey(property.Name))
                {
                    throw new AgentToolArgumentException(tool, property.Name, "each argument once", "it twice");
                }

                arguments[property.Name] = property.Value.Clone();
            }

            return arguments;
        }
    }
}
