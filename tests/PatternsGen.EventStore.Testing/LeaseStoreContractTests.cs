using System.Diagnostics;
using PatternsGen.Coordination;

namespace PatternsGen.EventStore.Testing;

/// <summary>
/// What every lease store must do, run against each by subclassing. <see cref="OtherInstanceAsync"/> is a second
/// instance on the same data, as another process of the service would have.
/// </summary>
public abstract class LeaseStoreContractTests
{
    /// <summary>A new, empty store. May skip the test when its database is not available.</summary>
    protected abstract Task<ILeaseStore> CreateAsync();

    /// <summary>Another instance on the data of the last <see cref="CreateAsync"/> (the same one for an in-memory store).</summary>
    protected abstract Task<ILeaseStore> OtherInstanceAsync();

    [SkippableFact]
    public async Task A_lease_is_held_by_one_owner_and_renewed_with_the_same_token()
    {
        var first = await CreateAsync();
        var second = await OtherInstanceAsync();

        var token = await first.TryAcquireLeaseAsync("publisher", "node-a", TimeSpan.FromMinutes(1));
        Assert.NotNull(token);
        Assert.Null(await second.TryAcquireLeaseAsync("publisher", "node-b", TimeSpan.FromMinutes(1)));
        Assert.Equal(token, await second.TryAcquireLeaseAsync("publisher", "node-a", TimeSpan.FromMinutes(1)));
        Assert.NotNull(await second.TryAcquireLeaseAsync("projection:orders", "node-b", TimeSpan.FromMinutes(1))); // another name, another lease
    }

    [SkippableFact]
    public async Task A_released_lease_goes_to_the_next_owner_with_a_larger_token()
    {
        var first = await CreateAsync();
        var second = await OtherInstanceAsync();
        var token = await first.TryAcquireLeaseAsync("publisher", "node-a", TimeSpan.FromMinutes(1));

        await first.ReleaseLeaseAsync("publisher", "node-b"); // not its holder: nothing happens
        Assert.Null(await second.TryAcquireLeaseAsync("publisher", "node-b", TimeSpan.FromMinutes(1)));
        await first.ReleaseLeaseAsync("publisher", "node-a");

        var next = await second.TryAcquireLeaseAsync("publisher", "node-b", TimeSpan.FromMinutes(1));
        Assert.True(next > token, $"{next} after {token}");
    }

    [SkippableFact]
    public async Task An_expired_lease_goes_to_the_next_owner_with_a_larger_token()
    {
        var first = await CreateAsync();
        var second = await OtherInstanceAsync();
        var token = await first.TryAcquireLeaseAsync("publisher", "node-a", TimeSpan.FromMilliseconds(200));

        // node-a dies without releasing; node-b asks until the database's clock says the lease is over.
        var clock = Stopwatch.StartNew();
        long? next;
        while ((next = await second.TryAcquireLeaseAsync("publisher", "node-b", TimeSpan.FromMinutes(1))) is null)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "the lease never expired");
            await Task.Yield();
        }

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(150), $"taken after {clock.Elapsed.TotalMilliseconds} ms of a 200 ms lease");
        Assert.True(next > token);
        Assert.Null(await first.TryAcquireLeaseAsync("publisher", "node-a", TimeSpan.FromMinutes(1))); // it cannot come back
    }

    [SkippableFact]
    public async Task Listing_shows_the_leases_held_now_under_a_prefix_with_their_owners_and_tokens()
    {
        var first = await CreateAsync();
        var second = await OtherInstanceAsync();
        var a = await first.TryAcquireLeaseAsync("members:view:node-a", "node-a", TimeSpan.FromMinutes(1));
        var b = await second.TryAcquireLeaseAsync("members:view:node-b", "node-b", TimeSpan.FromMinutes(1));
        await second.TryAcquireLeaseAsync("members:view:node-c", "node-c", TimeSpan.FromMinutes(1));
        await second.ReleaseLeaseAsync("members:view:node-c", "node-c"); // gone
        await first.TryAcquireLeaseAsync("members:other:node-a", "node-a", TimeSpan.FromMinutes(1)); // another prefix
        await first.TryAcquireLeaseAsync("members:view_%", "node-d", TimeSpan.FromMinutes(1)); // LIKE's wildcards mean nothing

        Assert.Equal(
            [new Lease("members:view:node-a", "node-a", a!.Value), new Lease("members:view:node-b", "node-b", b!.Value)],
            await second.ListLeasesAsync("members:view:"));
        Assert.Equal(["members:view_%"], (await first.ListLeasesAsync("members:view_")).Select(l => l.Name));
        Assert.Equal(4, (await first.ListLeasesAsync("")).Count);
    }

    [SkippableFact]
    public async Task Forgetting_deletes_only_the_leases_under_a_prefix_expired_long_enough()
    {
        var store = await CreateAsync();
        await store.TryAcquireLeaseAsync("members:view:gone", "gone", TimeSpan.FromMinutes(1));
        await store.ReleaseLeaseAsync("members:view:gone", "gone"); // expired now
        await store.TryAcquireLeaseAsync("members:view:alive", "alive", TimeSpan.FromMinutes(1));
        await store.TryAcquireLeaseAsync("publisher", "gone", TimeSpan.FromMinutes(1));
        await store.ReleaseLeaseAsync("publisher", "gone"); // expired, but under another prefix

        Assert.Equal(0, await store.ForgetLeasesAsync("members:view:", TimeSpan.FromMinutes(1))); // not expired that long
        Assert.Equal(1, await store.ForgetLeasesAsync("members:view:", TimeSpan.Zero));

        Assert.Equal(["alive"], (await store.ListLeasesAsync("members:view:")).Select(l => l.Owner));
        Assert.True(await store.TryAcquireLeaseAsync("publisher", "next", TimeSpan.FromMinutes(1)) > 1); // its token history kept
    }

    [SkippableFact]
    public async Task Of_owners_racing_for_a_free_lease_exactly_one_wins()
    {
        var stores = new List<ILeaseStore> { await CreateAsync() };
        for (var i = 1; i < 8; i++)
        {
            stores.Add(await OtherInstanceAsync());
        }

        var tokens = await Task.WhenAll(stores.Select((store, i) => store.TryAcquireLeaseAsync("race", "node-" + i, TimeSpan.FromMinutes(1)).AsTask()));

        Assert.Single(tokens, t => t is not null);
    }
}
