using System.Text.Json;
using System.Text.Json.Nodes;
using ImtBot.Core.Alerts.Pages;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Reviews;
using ImtBot.Storage;

namespace ImtBot.Hosting;

/// <summary>
/// Operations verbs on the same executable: <c>verify</c>, <c>backup &lt;file&gt;</c>, <c>export &lt;n&gt; &lt;dir&gt;</c>,
/// <c>export --incident &lt;n&gt; --out &lt;zip&gt;</c>, <c>verify --bundle &lt;zip&gt; [--anchor &lt;file&gt;]</c>, <c>verify --anchor [&lt;file&gt;]</c>,
/// <c>metrics</c>, <c>cards render --out &lt;dir&gt;</c>, <c>teams package --app-id &lt;guid&gt; --out &lt;zip&gt;</c>, <c>reset --yes</c>, <c>plans check</c>,
/// <c>drills check</c>, <c>tokens create|list|revoke</c>.
/// Exit codes: 0 ok, 1 error, 2 a broken chain or a bad backup, 64 usage.
/// </summary>
public static class CliVerbs
{
    public const int Ok = 0;
    public const int Error = 1;
    public const int Broken = 2;
    public const int Usage = 64;

    public static readonly string[] Verbs = ["verify", "backup", "export", "metrics", "cards", "teams", "reset", "plans", "tokens", "drills"];

    public static async Task<int?> TryRunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || !Verbs.Contains(args[0]))
        {
            return null;
        }

        var verb = args[0];
        var rest = args[1..];
        try
        {
            return verb switch
            {
                "verify" when EvidenceVerbs.IsEvidence(rest) => EvidenceVerbs.Verify(rest, stdout, stderr),
                "verify" => Verify(rest, stdout, stderr),
                "backup" => await BackupAsync(rest, stdout, stderr),
                "export" when EvidenceVerbs.IsEvidence(rest) => EvidenceVerbs.Export(rest, stdout, stderr),
                "export" => Export(rest, stdout, stderr),
                "metrics" => Metrics(rest, stdout),
                "cards" => CardsVerb.Run(rest, stdout, stderr),
                "teams" => await TeamsVerb.RunAsync(rest, stdout, stderr),
                "reset" => ResetVerb.Run(rest, stdout, stderr),
                "plans" => Plans.PlansVerb.Run(rest, stdout, stderr),
                "tokens" => await TokensVerb.RunAsync(rest, stdout, stderr),
                "drills" => Drills.DrillsVerb.Run(rest, stdout, stderr),
                _ => Usage,
            };
        }
        catch (Exception e) when (e is DatabaseLockedException or StorageUnavailableException or IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"imtbot {verb}: {e.Message}");
            return Error;
        }
    }

    private static int Verify(string[] args, TextWriter stdout, TextWriter stderr)
    {
        using var store = Open(args);
        var broken = 0;
        // The incidents, then the alert pages: their events are log streams of their own (AP-3 is stream −3), chained
        // the same way.
        var incidents = store.ListIncidents(openOnly: false).Select(i => i.Number).Order().ToList();
        var pages = store.ListAlertPages().Order().ToList();
        var streams = incidents.Concat(pages.Select(AlertPageKey.Stream)).ToList();

        // Each chain stands alone, and reading the events is most of the time: every core reads and hashes streams of
        // its own (concurrent reads are safe on both stores); the lines still come out in order.
        var results = new ChainVerification[streams.Count];
        Parallel.For(0, streams.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => results[i] = store.Verify(streams[i]));
        foreach (var (stream, v) in streams.Zip(results))
        {
            if (v.Valid)
            {
                stdout.WriteLine($"{AlertPageKey.FormatStream(stream)}: valid, {v.Events} events, head {v.Head}");
            }
            else
            {
                broken++;
                stderr.WriteLine($"{AlertPageKey.FormatStream(stream)}: BROKEN at sequence {v.BrokenAt}: {v.Problem}");
            }
        }

        stdout.WriteLine(pages.Count == 0 ? $"{incidents.Count} incidents verified, {broken} broken." : $"{incidents.Count} incidents and {pages.Count} alert pages verified, {broken} broken.");

        // The admin audit stream (tokens, on-call lists, settings) is chained the same way and checked the same way.
        var audit = new Security.AdminAudit(store.Documents, TimeProvider.System).Verify();
        if (audit.Valid)
        {
            stdout.WriteLine($"admin audit: valid, {audit.Events} events, head {audit.Head}");
        }
        else
        {
            broken++;
            stderr.WriteLine($"admin audit: BROKEN at sequence {audit.BrokenAt}: {audit.Problem}");
        }

        return broken == 0 ? Ok : Broken;
    }

    private static async Task<int> BackupAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length < 1 || args[0].StartsWith('-'))
        {
            await stderr.WriteLineAsync("usage: imtbot backup <file>");
            return Usage;
        }

        using var store = Open(args[1..]);
        if (store is not LiteIncidentStore lite)
        {
            // PostgreSQL is backed up by its own tools, consistently while every instance runs (README: Running several instances).
            await stderr.WriteLineAsync("imtbot backup: the store is on PostgreSQL; back it up with pg_dump (README, \"Running several instances\"), then run `imtbot verify` against a restored copy.");
            return Usage;
        }

        var report = await lite.BackupAsync(args[0]);
        await stdout.WriteLineAsync(report.ToString());
        return report.Valid ? Ok : Broken;
    }

    private static int Export(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length < 2 || !IncidentKey.TryParse(args[0], out var number))
        {
            stderr.WriteLine("usage: imtbot export <incident number> <dir>");
            return Usage;
        }

        using var store = Open(args[2..]);
        var events = store.GetEvents(number);
        if (events.Count == 0)
        {
            stderr.WriteLine($"There is no incident {IncidentKey.Format(number)}.");
            return Error;
        }

        Directory.CreateDirectory(args[1]);
        var json = new JsonArray(events.Select(e => (JsonNode)new JsonObject
        {
            ["incident"] = e.Incident,
            ["seq"] = e.Sequence,
            ["at"] = EventChain.FormatTime(e.At),
            ["actor"] = new JsonObject { ["platform"] = e.Actor.Platform, ["id"] = e.Actor.Id, ["name"] = e.Actor.DisplayName },
            ["type"] = e.Type,
            ["data"] = JsonNode.Parse(EventChain.SerializeData(e.Data)),
            ["previousHash"] = e.PreviousHash,
            ["hash"] = e.Hash,
        }).ToArray());
        var key = IncidentKey.Format(number);
        File.WriteAllText(Path.Combine(args[1], $"{key}-events.json"), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.WriteAllText(Path.Combine(args[1], $"{key}-review.md"), ReviewWriter.ToMarkdown(events));
        var v = ChainVerifier.Verify(events);
        File.WriteAllText(Path.Combine(args[1], $"{key}-chain.txt"), $"head {v.Head}\nevents {v.Events}\nvalid {v.Valid.ToString().ToLowerInvariant()}\n");
        stdout.WriteLine($"Exported {key} ({events.Count} events, chain {(v.Valid ? "valid" : "BROKEN")}) to {args[1]}");
        return v.Valid ? Ok : Broken;
    }

    private static int Metrics(string[] args, TextWriter stdout)
    {
        using var store = Open(args);
        var incidents = store.ListIncidents(openOnly: false).Select(i => store.GetEvents(i.Number)).ToList();
        stdout.Write(IncidentMetrics.ToTable(IncidentMetrics.Compute(incidents)));
        return Ok;
    }

    /// <summary>Opens the configured database (appsettings.json, environment, then <c>--Storage:Path=…</c> arguments).</summary>
    internal static IIncidentStore Open(string[] args) => StorageExtensions.OpenStore(StorageExtensions.StorageOptionsFrom(Configuration(args)));

    /// <summary>appsettings.json, the environment, then <c>--Section:Key=value</c> arguments.</summary>
    internal static IConfiguration Configuration(string[] args) =>
        new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
}
