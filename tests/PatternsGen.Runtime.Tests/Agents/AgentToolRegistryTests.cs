using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PatternsGen.Agents;

namespace PatternsGen.Runtime.Tests.Agents;

public sealed class AgentToolRegistryTests
{
    [Fact]
    public void The_generated_registry_and_the_container_registration_give_every_tool_of_the_assembly()
    {
        var plain = PatternsGen.Generated.AgentTools.Create(scalarTools: new ScalarTools(), opsTools: new OpsTools(), parcelTools: new ParcelTools(), testTools: new TestTools());
        using var provider = new ServiceCollection().AddPatternsGenAgentTools().AddPatternsGenAgentTools().BuildServiceProvider();
        var registered = AgentToolSet.All(provider);

        string[] expected = ["explode", "refund", "a", "b", "weigh", "is_heavy", "fast", "general", "scalars", "optionals", "collections", "objects", "search_orders"]; // classes by name, tools in declaration order
        Assert.Equal(expected, plain.Select(static t => t.Name));
        Assert.Equal(expected, registered.Select(static t => t.Name));
        Assert.Same(provider.GetRequiredService<ScalarTools>(), provider.GetRequiredService<ScalarTools>());
        Assert.Same(provider.GetRequiredService<TestTools>(), provider.GetRequiredService<TestTools>());
    }

    /// <summary>OpenAI strict mode: every property listed as required, no other properties, no defaults.</summary>
    [Fact]
    public void Every_strict_schema_meets_the_rules_of_strict_mode()
    {
        foreach (var tool in PatternsGen.Generated.AgentTools.Create(scalarTools: new ScalarTools(), opsTools: new OpsTools(), parcelTools: new ParcelTools(), testTools: new TestTools()).Cast<AgentToolFunction>())
        {
            var schema = tool.StrictJsonSchema;
            Assert.Equal("object", schema.GetProperty("type").GetString());
            Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
            var properties = schema.GetProperty("properties").EnumerateObject().ToList();
            Assert.Equal(properties.Select(static p => p.Name), schema.GetProperty("required").EnumerateArray().Select(static r => r.GetString()));
            Assert.All(properties, p => Assert.False(p.Value.TryGetProperty("default", out _), $"{tool.Name}.{p.Name} has a default"));

            // Optional parameters become "type or null" there; in the plain schema they are optional with a default.
            foreach (var optional in tool.JsonSchema.GetProperty("properties").EnumerateObject().Where(static p => p.Value.TryGetProperty("default", out _)))
            {
                var type = schema.GetProperty("properties").GetProperty(optional.Name).GetProperty("type");
                Assert.True(type.ValueKind == JsonValueKind.Array && type.EnumerateArray().Any(static t => t.GetString() == "null"), $"{tool.Name}.{optional.Name}");
            }
        }
    }
}
