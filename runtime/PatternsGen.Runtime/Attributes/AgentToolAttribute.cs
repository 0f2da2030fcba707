namespace PatternsGen;

/// <summary>
/// Exposes a method of a <see langword="partial"/> class to an AI agent as a tool. PatternsGen
/// generates the tool's JSON schema at compile time and binds its arguments without reflection.
/// </summary>
/// <remarks>
/// The tool's name defaults to the snake_case form of the method's name; its description falls
/// back to the method's <c>[Description]</c> or XML <c>&lt;summary&gt;</c>, and each parameter's to
/// its <c>[Description]</c> or <c>&lt;param&gt;</c> documentation.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class AgentToolAttribute : Attribute
{
    /// <summary>Names the tool after the method, in snake_case.</summary>
    public AgentToolAttribute()
    {
    }

    /// <summary>Names the tool <paramref name="name"/>.</summary>
    /// <param name="name">The tool's name as the model sees it: letters, digits, '_' or '-', at most 64.</param>
    public AgentToolAttribute(string name) => Name = name;

    /// <summary>The tool's name, or <see langword="null"/> for the snake_case form of the method's name.</summary>
    public string? Name { get; }

    /// <summary>What the tool does, for the model; defaults to the method's documentation.</summary>
    public string? Description { get; set; }

    /// <summary>The tool changes something that needs a person's yes: an agent runs it only after its approval callback allows it.</summary>
    public bool RequiresApproval { get; set; }
}
