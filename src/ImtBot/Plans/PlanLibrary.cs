using ImtBot.Core.Compliance;
using ImtBot.Core.Incidents;
using ImtBot.Core.Plans;
using ImtBot.Core.Ports;
using Microsoft.Extensions.Options;

namespace ImtBot.Plans;

/// <summary>
/// The plans of the <c>Plans:Path</c> folder, read again when a file changes. <see cref="Current"/> runs at every
/// declaration and type change; it looks at the folder at most once per <see cref="CheckInterval"/>: listing the folder
/// and reading each file's time and size on every declaration was 10 % of the declare path's CPU (and its directory
/// handles kept the finalizer thread busy) in a storm. A changed file that does not validate is logged and its previous
/// version stays in use; a removed file's plan is dropped.
/// </summary>
public sealed partial class PlanLibrary : IPlanSource
{
    private readonly string _folder;
    private readonly PlanFileParser _parser;
    private readonly ILogger<PlanLibrary> _log;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (DateTime Written, long Length, ResponsePlan? Plan)> _files = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private PlanCatalog _current = PlanCatalog.Empty;
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;

    /// <summary>How long an edit may wait before the next declaration sees it.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(2);

    public PlanLibrary(IOptions<PlansOptions> plans, IOptions<IncidentOptions> incidents, ILogger<PlanLibrary> log, IOptions<ComplianceOptions>? compliance = null, TimeProvider? time = null)
    {
        _folder = plans.Value.Folder;
        _parser = new PlanFileParser(incidents.Value.Roles, compliance?.Value.Enabled);
        _log = log;
        _time = time ?? TimeProvider.System;
        Current();
    }

    public PlanCatalog Current()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (now >= _checkedAt && now - _checkedAt < CheckInterval)
            {
                return _current;
            }

            _checkedAt = now;
            var changed = false;
            var present = PlanFolder.Files(_folder).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in _files.Keys.Where(f => !present.Contains(f)).ToArray())
            {
                _files.Remove(gone);
                changed = true;
            }

            foreach (var file in present)
            {
                var info = new FileInfo(file);
                if (_files.TryGetValue(file, out var known) && known.Written == info.LastWriteTimeUtc && known.Length == info.Length)
                {
                    continue;
                }

                changed = true;
                _files[file] = (info.LastWriteTimeUtc, info.Length, Read(file, known.Plan));
            }

            if (changed)
            {
                _current = new PlanCatalog(_files.Values.Where(f => f.Plan is not null).Select(f => f.Plan!).OrderBy(p => p.Id, StringComparer.Ordinal).ToArray());
            }

            return _current;
        }
    }

    private ResponsePlan? Read(string file, ResponsePlan? previous)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (IOException e)
        {
            LogUnreadable(_log, e, Path.GetFileName(file));
            return previous;
        }

        var (plan, problems) = _parser.Parse(Path.GetFileName(file), text);
        if (plan is null)
        {
            LogRejected(_log, Path.GetFileName(file), previous is null ? "no plan" : "the previous version", string.Join("; ", problems));
            return previous;
        }

        if (previous is not null)
        {
            LogReloaded(_log, Path.GetFileName(file), plan.Source ?? "");
        }

        return plan;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plan file {File} was rejected and {Kept} stays in use: {Problems}")]
    private static partial void LogRejected(ILogger logger, string file, string kept, string problems);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan file {File} reloaded ({Source}); new incidents use it")]
    private static partial void LogReloaded(ILogger logger, string file, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plan file {File} could not be read; its previous version stays in use")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, string file);
}
