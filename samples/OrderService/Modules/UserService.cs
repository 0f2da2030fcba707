using OrderService.Services;

namespace OrderService.Modules;

/// <summary>A customer, as the user service knows them.</summary>
public sealed record User(string Id, string Email, string Name);

/// <summary>
/// The user service as a module: its own data, reached only through its client, over the
/// unreliable network the fault injector plays.
/// </summary>
public sealed class UserService(FaultInjector faults)
{
    private static readonly User[] Users =
    [
        new("u-ann", "ann@example.com", "Ann"),
        new("u-bob", "bob@example.com", "Bob"),
        new("u-cho", "cho@example.com", "Cho"),
        new("u-dan", "dan@example.com", "Dan"),
    ];

    public static IReadOnlyList<User> All => Users;

    /// <summary>GET /users/{id}: the user, or null when there is none.</summary>
    public ValueTask<User?> GetUserAsync(string id, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        faults.MaybeFail("users", $"GET /users/{id}");
        return new ValueTask<User?>(Users.FirstOrDefault(u => u.Id == id));
    }
}
