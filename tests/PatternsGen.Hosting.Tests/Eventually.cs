namespace PatternsGen.Hosting.Tests;

internal static class Eventually
{
    /// <summary>Waits for work on other threads (a real store, a real host), bounded so a broken test fails.</summary>
    public static async Task Until(Func<bool> done)
    {
        var limit = DateTime.UtcNow.AddSeconds(30);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < limit, "Not done within 30 s.");
            await Task.Delay(10);
        }
    }
}
