using PatternsGen;

namespace PatternsGen.Hosting.Node;

/// <summary>The event the several-nodes tests append.</summary>
[Event("node-tests.tick")]
public sealed record Tick(int Id);
