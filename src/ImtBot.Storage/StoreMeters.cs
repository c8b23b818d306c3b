using System.Diagnostics.Metrics;

namespace ImtBot.Storage;

/// <summary>
/// The store's instruments, as <see cref="System.Diagnostics.Metrics"/> (so storage needs no exporter of its own): how
/// long a commit takes from the call until its batch is durable. One meter per store, so two stores in one process (a
/// test run, a CLI verb) are told apart by the listener.
/// </summary>
public sealed class StoreMeters : IDisposable
{
    public const string MeterName = "ImtBot.Storage";

    public const string CommitDurationName = "imtbot.store.commit.duration";

    public StoreMeters()
    {
        Meter = new Meter(MeterName);
        CommitDuration = Meter.CreateHistogram<double>(CommitDurationName, "s", "Time from a commit call until its batch is durable.");
    }

    public Meter Meter { get; }

    public Histogram<double> CommitDuration { get; }

    public void Dispose() => Meter.Dispose();
}
