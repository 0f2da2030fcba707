namespace PatternsGen.Coordination;

/// <summary>This process among the instances of its service: the name its leases and its saga runs are held under.</summary>
public static class ServiceInstance
{
    /// <summary>The machine, the process id and a random part, so that a restarted process is a new instance.</summary>
    public static string Id { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The lease an instance holds while it lives, which others take to prove it gone: <c>instance:&lt;id&gt;</c>.</summary>
    public static string LeaseOf(string instance) => "instance:" + instance;
}
