using PatternsGen.Coordination;

namespace PatternsGen.Hosting;

/// <summary>How long the leases that elect one instance for a piece of work last, and who this instance is.</summary>
public sealed class LeaseOptions
{
    /// <summary>How long a lease lasts unless renewed. Default 15 s: a dead holder's work resumes on another instance within this plus <see cref="RenewEvery"/>.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the holder renews, and a standby instance asks. Default 5 s; keep it well under <see cref="Duration"/>.</summary>
    public TimeSpan RenewEvery { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>This instance, as lease holders are named. Default: <see cref="ServiceInstance.Id"/>, the owner a <c>SagaLog</c> records too.</summary>
    public string Owner { get; set; } = ServiceInstance.Id;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(Owner, nameof(Owner));
        ArgumentOutOfRangeException.ThrowIfLessThan(RenewEvery, TimeSpan.FromMilliseconds(10), nameof(RenewEvery));
        if (RenewEvery * 2 > Duration)
        {
            throw new ArgumentException($"LeaseOptions.RenewEvery ({RenewEvery}) must be at most half of Duration ({Duration}), or a holder loses its lease between two renewals.");
        }
    }
}
