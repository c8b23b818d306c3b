using ImtBot.Core.Incidents;
using ImtBot.Plans;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ImtBot.Tests.Plans;

/// <summary>A plan file edited while running: picked up at the next read after the check interval, or rejected with a log line keeping the previous version.</summary>
public class PlanLibraryTests
{
    private sealed class ListLogger : ILogger<PlanLibrary>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add($"{logLevel}: {formatter(state, exception)}");
    }

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

    private PlanLibrary Library(PlanFiles files, ListLogger log) =>
        new(Options.Create(new PlansOptions { Path = files.Folder }), Options.Create(new IncidentOptions()), log, time: _clock);

    /// <summary>The next declaration after the check interval: the folder is looked at again.</summary>
    private void Later() => _clock.Advance(PlanLibrary.CheckInterval);

    [Fact]
    public void WithinTheCheckInterval_TheFolderIsNotReadAgain()
    {
        using var files = new PlanFiles();
        var path = files.Write("minimal.yaml", PlanFiles.Minimal);
        var library = Library(files, new ListLogger());
        Assert.True(library.Current().IsKnownType("minimal"));

        File.Delete(path);
        _clock.Advance(PlanLibrary.CheckInterval - TimeSpan.FromMilliseconds(1));
        Assert.True(library.Current().IsKnownType("minimal"));

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(library.Current().IsKnownType("minimal"));
    }

    [Fact]
    public void EditedFile_IsPickedUpAtTheNextRead()
    {
        using var files = new PlanFiles();
        var path = files.Write("minimal.yaml", PlanFiles.Minimal);
        var log = new ListLogger();
        var library = Library(files, log);
        Assert.Equal("Minimal", library.Current().For("minimal", 3).Title);

        File.WriteAllText(path, PlanFiles.Minimal.Replace("title: Minimal", "title: Minimal, second edition", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        Later();

        Assert.Equal("Minimal, second edition", library.Current().For("minimal", 3).Title);
        Assert.Contains(log.Lines, l => l.StartsWith("Information: Plan file minimal.yaml reloaded", StringComparison.Ordinal));
    }

    [Fact]
    public void BrokenEdit_IsRejectedWithALogLine_AndThePreviousVersionStays()
    {
        using var files = new PlanFiles();
        var path = files.Write("minimal.yaml", PlanFiles.Minimal);
        var log = new ListLogger();
        var library = Library(files, log);

        File.WriteAllText(path, PlanFiles.Minimal.Replace("owner: commander", "owner: wizard", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        Later();
        var plan = library.Current().For("minimal", 3);

        Assert.Equal("commander", plan.Tasks[0].Owner);
        var line = Assert.Single(log.Lines, l => l.StartsWith("Warning:", StringComparison.Ordinal));
        Assert.Contains("minimal.yaml was rejected and the previous version stays in use", line, StringComparison.Ordinal);
        Assert.Contains("minimal.yaml:7: unknown role 'wizard'", line, StringComparison.Ordinal);
    }

    [Fact]
    public void RemovedFile_DropsItsPlan()
    {
        using var files = new PlanFiles();
        var path = files.Write("minimal.yaml", PlanFiles.Minimal);
        var library = Library(files, new ListLogger());
        Assert.True(library.Current().IsKnownType("minimal"));

        File.Delete(path);
        Later();

        Assert.False(library.Current().IsKnownType("minimal"));
    }
}
