using ImtBot.Core.Platforms;
using ImtBot.Security;
using ImtBot.Storage;

namespace ImtBot.Hosting;

/// <summary>
/// <c>imtbot tokens create --name ci --scope read|write|admin</c>, <c>tokens list</c>, <c>tokens revoke &lt;name|id&gt;</c>:
/// API tokens for automation. With the bot stopped they are managed in its database, recorded in the admin audit stream
/// as the operating-system user who ran the verb; with <c>--url</c>, through the running bot's admin API
/// (<see cref="TokensRemote"/>), recorded as whoever the admin token or local demo says.
/// </summary>
internal static class TokensVerb
{
    public const string UsageText = "usage: imtbot tokens create --name <name> --scope read|write|admin | tokens list | tokens revoke <name|id>  [--url <running bot's address>]";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0)
        {
            await stderr.WriteLineAsync(UsageText);
            return CliVerbs.Usage;
        }

        var (flags, rest) = Flags(args[1..]);
        switch (args[0])
        {
            case "create" when flags.TryGetValue("name", out var name) && flags.TryGetValue("scope", out var scope):
                if (ApiTokenStore.Problem(name, scope) is { } problem)
                {
                    await stderr.WriteLineAsync("imtbot tokens: --" + problem);
                    return CliVerbs.Usage;
                }

                if (flags.TryGetValue("url", out var createUrl))
                {
                    return await TokensRemote.CreateAsync(createUrl, name, scope, stdout, stderr);
                }

                return await WithStoreAsync(rest, stderr, async tokens =>
                {
                    if (await tokens.CreateAsync(name, scope, Operator()) is not { } created)
                    {
                        await stderr.WriteLineAsync($"imtbot tokens: a token named \"{name}\" exists; revoke it first or choose another name.");
                        return CliVerbs.Error;
                    }

                    await stdout.WriteLineAsync($"Created token {created.Record.Id} \"{name}\" ({scope}). It is shown this once; ImtBot keeps only its hash:");
                    await stdout.WriteLineAsync(created.Token);
                    return CliVerbs.Ok;
                });
            case "list" when flags.TryGetValue("url", out var listUrl):
                return await TokensRemote.ListAsync(listUrl, stdout, stderr);
            case "list":
                return await WithStoreAsync(rest, stderr, async tokens =>
                {
                    await WriteTableAsync(stdout, tokens.List());
                    return CliVerbs.Ok;
                });
            case "revoke" when rest.Length > 0 && !rest[0].StartsWith('-') && flags.TryGetValue("url", out var revokeUrl):
                return await TokensRemote.RevokeAsync(revokeUrl, rest[0], stdout, stderr);
            case "revoke" when rest.Length > 0 && !rest[0].StartsWith('-'):
                return await WithStoreAsync(rest[1..], stderr, async tokens =>
                {
                    if (!await tokens.RevokeAsync(rest[0], Operator()))
                    {
                        await stderr.WriteLineAsync($"imtbot tokens: there is no live token \"{rest[0]}\"; `imtbot tokens list` shows them.");
                        return CliVerbs.Error;
                    }

                    await stdout.WriteLineAsync($"Revoked \"{rest[0]}\": requests carrying it are refused from now on.");
                    return CliVerbs.Ok;
                });
            default:
                await stderr.WriteLineAsync(UsageText);
                return CliVerbs.Usage;
        }
    }

    internal static async Task WriteTableAsync(TextWriter stdout, IEnumerable<ApiToken> tokens)
    {
        await stdout.WriteLineAsync("id            name                 scope  created           last used         revoked");
        foreach (var t in tokens)
        {
            await stdout.WriteLineAsync($"{t.Id,-13} {t.Name,-20} {t.Scope,-6} {Time(t.CreatedAt),-17} {Time(t.LastUsedAt),-17} {Time(t.RevokedAt)}");
        }
    }

    private static async Task<int> WithStoreAsync(string[] storageArgs, TextWriter stderr, Func<ApiTokenStore, Task<int>> run)
    {
        IIncidentStore store;
        try
        {
            store = CliVerbs.Open(storageArgs);
        }
        catch (DatabaseLockedException e)
        {
            // The bot is running: it is the one writer, so the change goes through it.
            await stderr.WriteLineAsync($"imtbot tokens: {e.Message}");
            await stderr.WriteLineAsync(RunningHint);
            return CliVerbs.Error;
        }

        using (store)
        {
            var database = store.Documents;
            return await run(new ApiTokenStore(database, new AdminAudit(database, TimeProvider.System), TimeProvider.System));
        }
    }

    /// <summary>What to do when the bot holds the database.</summary>
    internal const string RunningHint =
        "The bot is running and is the database's only writer, so manage tokens through it: add --url <its address> "
        + "(e.g. --url http://127.0.0.1:5000) with an admin-scope token in the IMTBOT_ADMIN_TOKEN environment variable "
        + "(not needed for the local demo on loopback), or call POST/GET/DELETE /api/admin/tokens as a signed-in admin; "
        + "or stop the bot and run this again.";

    /// <summary>The operating-system user running the verb: who did it, in the audit stream.</summary>
    private static UserRef Operator() => new("cli", Environment.UserName, Environment.UserName);

    private static string Time(DateTimeOffset? at) => at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "-";

    /// <summary><c>--name x --scope y --url z</c> pairs; everything else (e.g. <c>--Storage:Path=…</c>) is passed on.</summary>
    private static (Dictionary<string, string> Named, string[] Others) Flags(string[] args)
    {
        var flags = new Dictionary<string, string>();
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--name" or "--scope" or "--url" && i + 1 < args.Length)
            {
                flags[args[i][2..]] = args[++i];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        return (flags, [.. rest]);
    }
}
