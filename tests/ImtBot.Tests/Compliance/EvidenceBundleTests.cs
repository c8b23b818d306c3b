using System.IO.Compression;
using System.Text;
using ImtBot.Compliance;
using ImtBot.Core.Events;
using ImtBot.Hosting;
using ImtBot.Tests.Infrastructure;

namespace ImtBot.Tests.Compliance;

/// <summary>
/// The evidence bundle through its real entries (<c>/api/incidents/{n}/evidence.zip</c>, <c>imtbot export --incident</c>,
/// <c>imtbot verify --bundle</c>, <c>imtbot verify --anchor</c>): the round trip, tampering found offline at its sequence,
/// and a rewritten database found against the anchor log.
/// </summary>
public class EvidenceBundleTests
{
    private sealed record Closed(string Database, string AnchorLog, byte[] Zip);

    private static async Task<Closed> ClosedIncidentAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), "imtbot-tests", Guid.NewGuid().ToString("N"));
        var anchors = Path.Combine(dir, "anchors.log");
        await using var host = await TestHost.StartAsync(Path.Combine(dir, "imtbot.db"), settings: [$"Compliance:AnchorLog={anchors}"]);
        await host.SayAsync("alice", "general", "/incident declare \"Card data exposed\" sev2");
        await host.SayAsync("alice", "general", "/incident lead INC-1");
        await host.SayAsync("alice", "general", "/incident regulated INC-1 gdpr");
        await host.SayAsync("alice", "general", "/incident material INC-1 2M card numbers");
        await host.AdvanceAsync(TimeSpan.FromHours(5));
        await host.SayAsync("alice", "general", "/incident notified INC-1 gdpr notification DPA-77");
        await host.SayAsync("alice", "general", "/incident resolved INC-1");
        await host.SayAsync("alice", "general", "/incident close INC-1");
        await host.DrainOutboxAsync();
        var response = await host.Http.GetAsync("/api/incidents/1/evidence.zip");
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        return new Closed(host.DatabasePath, anchors, await response.Content.ReadAsByteArrayAsync());
    }

    private static async Task<(int? Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliVerbs.TryRunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static async Task<string> SaveAsync(byte[] zip)
    {
        var path = Path.Combine(Path.GetTempPath(), "imtbot-tests", Guid.NewGuid().ToString("N"), "evidence.zip");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, zip);
        return path;
    }

    /// <summary>The bundle with events.jsonl (and chain.txt) rewritten line by line, and the manifest updated to match, as a careful forger would.</summary>
    private static byte[] Tamper(byte[] zip, Func<List<string>, List<string>> events, Func<List<string>, List<string>> chain)
    {
        var files = new Dictionary<string, string>();
        using (var read = new ZipArchive(new MemoryStream(zip)))
        {
            foreach (var e in read.Entries)
            {
                using var r = new StreamReader(e.Open());
                files[e.FullName] = r.ReadToEnd();
            }
        }

        files[EvidenceBundle.Events] = string.Concat(events(files[EvidenceBundle.Events].Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList()).Select(l => l + "\n"));
        files[EvidenceBundle.Chain] = string.Concat(chain(files[EvidenceBundle.Chain].Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList()).Select(l => l + "\n"));
        foreach (var name in new[] { EvidenceBundle.Events, EvidenceBundle.Chain })
        {
            var old = files[EvidenceBundle.Manifest];
            var start = old.IndexOf($"\"{name}\": \"", StringComparison.Ordinal) + name.Length + 6;
            files[EvidenceBundle.Manifest] = old[..start] + EvidenceBundle.Sha256(Encoding.UTF8.GetBytes(files[name])) + old[(start + 64)..];
        }

        using var buffer = new MemoryStream();
        using (var write = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                using var w = new StreamWriter(write.CreateEntry(name).Open());
                w.Write(text);
            }
        }

        return buffer.ToArray();
    }

    [Fact]
    public async Task Bundle_FromTheApi_VerifiesOffline_AndHoldsEveryPart()
    {
        var closed = await ClosedIncidentAsync();
        var path = await SaveAsync(closed.Zip);
        File.Delete(closed.Database); // offline: the database is gone

        var (exit, output, errors) = await RunAsync("verify", "--bundle", path, "--anchor", closed.AnchorLog);

        Assert.True(exit == CliVerbs.Ok, errors);
        Assert.Contains("INC-1: valid", output);
        Assert.Contains("agrees with the anchor log", output);
        using var zip = new ZipArchive(new MemoryStream(closed.Zip));
        Assert.Equal(
            [EvidenceBundle.Anchors, EvidenceBundle.Chain, EvidenceBundle.Events, EvidenceBundle.Head, EvidenceBundle.Manifest, EvidenceBundle.Review, EvidenceBundle.Verification],
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        using var review = new StreamReader(zip.GetEntry(EvidenceBundle.Review)!.Open());
        Assert.Contains("## Compliance", await review.ReadToEndAsync());
        using var events = new StreamReader(zip.GetEntry(EvidenceBundle.Events)!.Open());
        var first = (await events.ReadLineAsync())!;
        Assert.StartsWith("{\"incident\":1,\"seq\":1,", first);
    }

    [Fact]
    public async Task Bundle_FromTheCli_RoundTrips()
    {
        var closed = await ClosedIncidentAsync();
        var output = Path.Combine(Path.GetDirectoryName(closed.Database)!, "out", "INC-1.zip");

        var export = await RunAsync("export", "--incident", "1", "--out", output, $"--Storage:Path={closed.Database}", $"--Compliance:AnchorLog={closed.AnchorLog}");
        var verify = await RunAsync("verify", "--bundle", output);

        Assert.True(export.Exit == CliVerbs.Ok, export.Err);
        Assert.True(verify.Exit == CliVerbs.Ok, verify.Err);
        Assert.Equal(CliVerbs.Usage, (await RunAsync("export", "--incident", "1")).Exit);
    }

    [Theory]
    [InlineData("changed")]
    [InlineData("removed")]
    [InlineData("reordered")]
    public async Task TamperedBundle_FailsAtTheExactSequence(string how)
    {
        var closed = await ClosedIncidentAsync();
        var tampered = how switch
        {
            "changed" => Tamper(closed.Zip, l => { l[2] = l[2].Replace("@alice", "@mallory", StringComparison.Ordinal).Replace("\"alice\"", "\"mallory\"", StringComparison.Ordinal); return l; }, c => c),
            "removed" => Tamper(closed.Zip, l => { l.RemoveAt(2); return l; }, c => { c.RemoveAt(2); return c; }),
            _ => Tamper(closed.Zip, l => { (l[2], l[3]) = (l[3], l[2]); return l; }, c => { (c[2], c[3]) = (c[3], c[2]); return c; }),
        };

        var (exit, _, errors) = await RunAsync("verify", "--bundle", await SaveAsync(tampered));

        Assert.Equal(CliVerbs.Broken, exit);
        Assert.Contains("INC-1: BROKEN at sequence 3", errors);
    }

    [Fact]
    public async Task TamperedBundle_ManifestCatchesAChangedReview()
    {
        var closed = await ClosedIncidentAsync();
        using var buffer = new MemoryStream();
        buffer.Write(closed.Zip);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(EvidenceBundle.Review)!.Delete();
            using var w = new StreamWriter(zip.CreateEntry(EvidenceBundle.Review).Open());
            w.Write("# nothing happened");
        }

        var (exit, _, errors) = await RunAsync("verify", "--bundle", await SaveAsync(buffer.ToArray()));

        Assert.Equal(CliVerbs.Broken, exit);
        Assert.Contains("review.md does not match its SHA-256 in the manifest", errors);
    }

    [Fact]
    public async Task RewrittenDatabase_PassesTheChainCheck_ButNotTheAnchor()
    {
        var closed = await ClosedIncidentAsync();
        Assert.Equal(CliVerbs.Ok, (await RunAsync("verify", "--anchor", closed.AnchorLog, $"--Storage:Path={closed.Database}")).Exit);

        // A careful rewrite: change who declared it, then re-hash every later event and the snapshot head.
        using (var lite = new LiteDB.LiteDatabase($"Filename={closed.Database};Connection=direct"))
        {
            var events = lite.GetCollection("events");
            var docs = events.FindAll().OrderBy(d => d["seq"].AsInt64).ToList();
            var previous = EventChain.GenesisHash;
            foreach (var d in docs)
            {
                if (d["seq"].AsInt64 == 1)
                {
                    d["actor"]["name"] = "Mallory";
                }

                var actor = d["actor"].AsDocument;
                var canonical = EventChain.Canonical(d["incident"].AsInt32, d["seq"].AsInt64, new DateTimeOffset(d["at"].AsInt64, TimeSpan.Zero),
                    new Core.Platforms.UserRef(actor["platform"].AsString, actor["id"].AsString, actor["name"].AsString), EventChain.DeserializeData(d["data"].AsString));
                d["prev"] = previous;
                d["hash"] = previous = EventChain.Hash(previous, canonical);
                events.Update(d);
            }

            var incidents = lite.GetCollection("incidents");
            var snapshot = incidents.FindById(1);
            snapshot["head"] = previous;
            incidents.Update(snapshot);
        }

        var chain = await RunAsync("verify", $"--Storage:Path={closed.Database}");
        var anchor = await RunAsync("verify", "--anchor", closed.AnchorLog, $"--Storage:Path={closed.Database}");

        Assert.Equal(CliVerbs.Ok, chain.Exit); // the rewrite is self-consistent…
        Assert.Equal(CliVerbs.Broken, anchor.Exit); // …but not what was anchored at close.
        Assert.Contains("the log was rewritten after it was anchored", anchor.Err);
    }
}
