namespace PatternsGen.Runtime.Tests;

/// <summary>
/// Tests that start process-wide activity or meter listeners, and tests that count allocations on paths that
/// allocate only when someone listens. They run on their own, never beside each other or other tests: a
/// listener started by one would make another's "allocates nothing" untrue for a moment.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ListenerCollection
{
    public const string Name = "Process-wide listeners";
}
