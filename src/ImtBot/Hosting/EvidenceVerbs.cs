using ImtBot.Compliance;
using ImtBot.Core.Incidents;

namespace ImtBot.Hosting;

/// <summary>
/// The evidence verbs: <c>export --incident &lt;n&gt; --out &lt;file&gt;.zip</c> writes an incident's evidence bundle;
/// <c>verify --bundle &lt;file&gt;.zip [--anchor &lt;file&gt;]</c> checks one offline, without the database;
/// <c>verify --anchor [&lt;file&gt;]</c> checks the database against the anchor log (default <c>Compliance:AnchorLog</c>).
/// Exit codes as <see cref="CliVerbs"/>: 0 valid, 2 broken or tampered, 64 usage.
/// </summary>
internal static class EvidenceVerbs
{
    public static bool IsEvidence(string[] args) => args.Any(a => a is "--incident" or "--out" or "--bundle" or "--anchor");

    public static int Export(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var (options, rest) = Flags(args, "--incident", "--out");
        if (!options.TryGetValue("--incident", out var n) || !IncidentKey.TryParse(n, out var number) || !options.TryGetValue("--out", out var output) || string.IsNullOrWhiteSpace(output))
        {
            stderr.WriteLine("usage: imtbot export --incident <n> --out <file>.zip");
            return CliVerbs.Usage;
        }

        var configuration = CliVerbs.Configuration(rest);
        using var store = CliVerbs.Open(rest);
        var events = store.GetEvents(number);
        if (events.Count == 0)
        {
            stderr.WriteLine($"There is no incident {IncidentKey.Format(number)}.");
            return CliVerbs.Error;
        }

        var anchors = new AnchorLog(ComplianceExtensions.AnchorPath(ComplianceExtensions.ComplianceOptionsFrom(configuration), StorageExtensions.StorageOptionsFrom(configuration)));
        var verification = store.Verify(number);
        var zip = EvidenceBundle.Create(events, verification, anchors.Read().Anchors, DateTimeOffset.UtcNow);
        var directory = Path.GetDirectoryName(Path.GetFullPath(output));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllBytes(output, zip);
        stdout.WriteLine($"Exported the evidence of {IncidentKey.Format(number)} ({events.Count} events, chain {(verification.Valid ? "valid" : "BROKEN")}, head {verification.Head}) to {output}");
        return verification.Valid ? CliVerbs.Ok : CliVerbs.Broken;
    }

    public static int Verify(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var (options, rest) = Flags(args, "--bundle", "--anchor");
        if (options.TryGetValue("--bundle", out var bundle))
        {
            return VerifyBundle(bundle, options.GetValueOrDefault("--anchor"), stdout, stderr);
        }

        return VerifyAnchors(options.GetValueOrDefault("--anchor"), rest, stdout, stderr);
    }

    /// <summary>Offline: reads only the zip (and the anchor file when given); never opens the database.</summary>
    private static int VerifyBundle(string path, string? anchorPath, TextWriter stdout, TextWriter stderr)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            stderr.WriteLine("usage: imtbot verify --bundle <file>.zip [--anchor <anchor log>]");
            return CliVerbs.Usage;
        }

        if (!File.Exists(path))
        {
            stderr.WriteLine($"imtbot verify: there is no file {path}.");
            return CliVerbs.Error;
        }

        var anchors = string.IsNullOrEmpty(anchorPath) ? null : new AnchorLog(anchorPath).Read().Anchors;
        using var zip = File.OpenRead(path);
        var report = EvidenceVerifier.Verify(zip, anchors);
        var key = report.Incident is { } n ? IncidentKey.Format(n) : "the bundle";
        if (report.Valid)
        {
            stdout.WriteLine($"{key}: valid, {report.Events} events, head {report.Head}" + (anchors is null ? "" : ", agrees with the anchor log"));
            return CliVerbs.Ok;
        }

        foreach (var problem in report.Problems)
        {
            stderr.WriteLine($"{key}: {problem}");
        }

        return CliVerbs.Broken;
    }

    /// <summary>Each anchored head against the database: a rewritten (re-hashed) log no longer has the anchored hash at the anchored sequence.</summary>
    private static int VerifyAnchors(string? anchorPath, string[] rest, TextWriter stdout, TextWriter stderr)
    {
        var configuration = CliVerbs.Configuration(rest);
        var path = string.IsNullOrEmpty(anchorPath)
            ? ComplianceExtensions.AnchorPath(ComplianceExtensions.ComplianceOptionsFrom(configuration), StorageExtensions.StorageOptionsFrom(configuration))
            : anchorPath;
        var (anchors, unreadable) = new AnchorLog(path).Read();
        if (anchors.Count == 0 && unreadable.Count == 0)
        {
            stderr.WriteLine($"imtbot verify: no anchors in {path}; an incident's chain head is anchored when it closes.");
            return CliVerbs.Error;
        }

        using var store = CliVerbs.Open(rest);
        var broken = unreadable.Count;
        foreach (var line in unreadable)
        {
            stderr.WriteLine(line);
        }

        foreach (var anchor in anchors)
        {
            var events = store.GetEvents(anchor.Incident);
            var chain = Core.Events.ChainVerifier.Verify(events.Take((int)Math.Min(anchor.Events, events.Count)).ToArray(), anchor.Incident);
            var problem = !chain.Valid ? $"{IncidentKey.Format(anchor.Incident)}: BROKEN at sequence {chain.BrokenAt}: {chain.Problem}" : EvidenceVerifier.AnchorProblem(events, anchor);
            if (problem is null)
            {
                stdout.WriteLine($"{IncidentKey.Format(anchor.Incident)}: matches the anchor of {Core.Events.EventChain.FormatTime(anchor.At)} ({anchor.Events} events, head {anchor.Head})");
            }
            else
            {
                broken++;
                stderr.WriteLine(problem);
            }
        }

        stdout.WriteLine($"{anchors.Count} anchors checked against the database, {broken} problems.");
        return broken == 0 ? CliVerbs.Ok : CliVerbs.Broken;
    }

    /// <summary>The named flags with their values (a flag followed by another flag or nothing has an empty value), and the other arguments.</summary>
    private static (Dictionary<string, string> Named, string[] Others) Flags(string[] args, params string[] names)
    {
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (names.Contains(args[i]))
            {
                var name = args[i];
                flags[name] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "";
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        return (flags, rest.ToArray());
    }
}
