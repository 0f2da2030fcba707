namespace PatternsGen.Roslyn;

/// <summary>
/// The named arguments of PatternsGen's attributes that the generators, analyzers and code fixes read, with the
/// defaults the runtime attributes declare: change them there and here together. <c>[SagaStep]</c>'s are in
/// <see cref="SagaStepSettings"/>.
/// </summary>
internal static class AttributeArguments
{
    /// <summary><c>[Aggregate(SnapshotEvery = n)]</c>: take a snapshot every n events; 0, the default, takes none.</summary>
    public const string SnapshotEvery = nameof(SnapshotEvery);

    /// <summary><c>[Aggregate(SnapshotVersion = n)]</c>: the snapshot state's version.</summary>
    public const string SnapshotVersion = nameof(SnapshotVersion);

    public const int DefaultSnapshotVersion = 1;

    /// <summary><c>[EventHandler(UseInbox = true)]</c>: skip a message id the handler has handled.</summary>
    public const string UseInbox = nameof(UseInbox);

    /// <summary><c>[Projection(Name = "...")]</c>: the checkpoint's name.</summary>
    public const string Name = nameof(Name);

    /// <summary><c>[AgentTool(Description = "...")]</c>: what the tool does.</summary>
    public const string Description = nameof(Description);

    /// <summary><c>[AgentTool(RequiresApproval = true)]</c>: an agent runs the tool only once its approval allows it.</summary>
    public const string RequiresApproval = nameof(RequiresApproval);
}
