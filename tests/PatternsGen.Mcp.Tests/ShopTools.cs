using System.Text.Json.Serialization;

namespace PatternsGen.Mcp.Tests;

public enum Stage { Placed, Shipped }

public sealed record Parcel(string Id, Stage Stage, decimal Weight);

/// <summary>One tool per result shape, and one that fails on its own.</summary>
public partial class ShopTools
{
    public int Calls { get; private set; }

    /// <summary>A greeting.</summary>
    [AgentTool]
    public string Greet(string name) => Count($"Hello, {name}.");

    /// <summary>How many parcels.</summary>
    [AgentTool]
    public long CountParcels(string customer) => Count(2L);

    /// <summary>One parcel.</summary>
    [AgentTool]
    public Parcel GetParcel(string id, Stage stage = Stage.Placed) => Count(new Parcel(id, stage, 1.5m));

    /// <summary>A customer's parcels.</summary>
    [AgentTool]
    public IReadOnlyList<Parcel> ListParcels(string customer, int limit = 2) =>
        Count<IReadOnlyList<Parcel>>([.. Enumerable.Range(1, limit).Select(i => new Parcel($"{customer}-{i}", Stage.Shipped, i))]);

    /// <summary>Where a parcel is.</summary>
    [AgentTool]
    public Stage ParcelStage(string id) => Count(Stage.Shipped);

    /// <summary>Fails with a secret in its message.</summary>
    [AgentTool]
    public string Broken(string id) => throw new InvalidOperationException("connection string Password=hunter2 refused");

    private T Count<T>(T value)
    {
        Calls++;
        return value;
    }
}

/// <summary>The user's context, as the docs direct: it lists the result types and nothing else (no JsonElement).</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(Parcel))]
[JsonSerializable(typeof(IReadOnlyList<Parcel>))]
[JsonSerializable(typeof(Stage))]
internal sealed partial class ShopJson : JsonSerializerContext;
