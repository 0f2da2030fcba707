namespace PatternsGen.Runtime.Tests.Agents;

/// <summary>Plain scalars of every kind, required, optional, and optional and nullable; once more with the services passed in.</summary>
public partial class ScalarTools
{
    public List<object?[]> Calls { get; } = [];

    /// <summary>Plain scalars, required, optional, and optional and nullable.</summary>
    [AgentTool]
    public int Fast(string text, bool flag, int small, long big, double real, Priority priority,
        string label = "none", bool loud = false, int count = 3, long offset = -1, double scale = 1.5, Priority level = Priority.Normal,
        string? note = null, bool? on = null, int? maybe = 4, long? id = null, double? ratio = null, Priority? tier = null)
    {
        Calls.Add([text, flag, small, big, real, priority, label, loud, count, offset, scale, level, note, on, maybe, id, ratio, tier]);
        return count;
    }

    /// <summary>The same, with the services passed in.</summary>
    [AgentTool]
    public int General(string text, bool flag, int small, long big, double real, Priority priority, IServiceProvider services,
        string label = "none", bool loud = false, int count = 3, long offset = -1, double scale = 1.5, Priority level = Priority.Normal,
        string? note = null, bool? on = null, int? maybe = 4, long? id = null, double? ratio = null, Priority? tier = null)
    {
        Calls.Add([text, flag, small, big, real, priority, label, loud, count, offset, scale, level, note, on, maybe, id, ratio, tier]);
        return count;
    }
}
