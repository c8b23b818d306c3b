using ImtBot.Teams.Package;

namespace ImtBot.Hosting;

/// <summary><c>teams package --app-id &lt;guid&gt; --out &lt;zip&gt;</c>: the sideloadable Teams app package.</summary>
internal static class TeamsVerb
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args is not ["package", .. var rest] || CardsVerb.Option(rest, "--app-id") is not { } appId || !Guid.TryParse(appId, out _))
        {
            stderr.WriteLine("usage: imtbot teams package --app-id <guid> [--out imtbot-teams.zip]");
            return Task.FromResult(CliVerbs.Usage);
        }

        var output = CardsVerb.Option(rest, "--out") ?? "imtbot-teams.zip";
        TeamsAppPackage.Write(appId, output);
        stdout.WriteLine($"Wrote {output}: upload it in Teams (Apps → Manage your apps → Upload an app).");
        return Task.FromResult(CliVerbs.Ok);
    }
}
