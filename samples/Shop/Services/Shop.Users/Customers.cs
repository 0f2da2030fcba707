using System.Text.Json.Serialization;
using PatternsGen;
using PatternsGen.EventSourcing;
using Shop.Contracts;

namespace Shop.Users;

/// <summary>A customer signed up; the first and, in this sample, only event of a <c>user-{id}</c> stream.</summary>
[Event("user.registered")]
public sealed record UserRegistered(string Id, string Email, string Name);

/// <summary>The shop's customers.</summary>
public static class Customers
{
    /// <summary>The customers every shop starts with.</summary>
    public static readonly IReadOnlyList<UserRegistered> Initial =
    [
        new("u-ada", "ada@example.com", "Ada Lovelace"),
        new("u-alan", "alan@example.com", "Alan Turing"),
        new("u-grace", "grace@example.com", "Grace Hopper"),
        new("u-edsger", "edsger@example.com", "Edsger Dijkstra"),
        new("u-barbara", "barbara@example.com", "Barbara Liskov"),
    ];

    /// <summary>Registers the initial customers not yet registered. Every instance may: the store takes each stream's first event once.</summary>
    public static async Task RegisterAsync(IEventStore store, CancellationToken ct)
    {
        foreach (var user in Initial)
        {
            try
            {
                await store.AppendAsync(StreamOf(user.Id), ExpectedVersion.NoStream, [user], ct);
            }
            catch (ConcurrencyException)
            {
                // registered already, by an earlier run or another instance
            }
        }
    }

    public static async Task<User?> FindAsync(IEventStore store, string id, CancellationToken ct)
    {
        await foreach (var recorded in store.ReadStreamAsync(StreamOf(id), ct: ct))
        {
            if (recorded.Data is UserRegistered e)
            {
                return new User(e.Id, e.Email, e.Name);
            }
        }

        return null;
    }

    private static string StreamOf(string id) => "user-" + id;
}

[JsonSerializable(typeof(UserRegistered))]
internal sealed partial class UsersJson : JsonSerializerContext;
