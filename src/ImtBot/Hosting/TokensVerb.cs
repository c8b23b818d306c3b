using ImtBot.Core.Platforms;
using ImtBot.Security;
using ImtBot.Storage;

namespace ImtBot.Hosting;

/// <summary>
/// <c>imtbot tokens create --name ci --scope read|write|admin</c>, <c>tokens list</c>, <c>tokens revoke &lt;name|id&gt;</c>:
/// API tokens for automation, managed on the bot's machine (with the bot stopped: the database has one writer).
/// Creating and revoking are recorded in the admin audit stream as the operating-system user who ran the verb.
/// </summary>
internal static class TokensVerb
{
    public const string UsageText = "usage: imtbot tokens create --name <name> --scope read|write|admin | tokens list | tokens revoke <name|id>";

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
                if (!ApiTokenScopes.All.Contains(scope))
                {
                    await stderr.WriteLineAsync($"imtbot tokens: --scope must be one of {string.Join(", ", ApiTokenScopes.All)} (was \"{scope}\").");
                    return CliVerbs.Usage;
                }

                if (name.Length is 0 or > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
                {
                    await stderr.WriteLineAsync($"imtbot tokens: --name must be 1 to 64 letters, digits, '.', '-' or '_' (was \"{name}\").");
                    return CliVerbs.Usage;
                }

                return await WithStoreAsync(rest, async tokens =>
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
            case "list":
                return await WithStoreAsync(rest, async tokens =>
                {
                    await stdout.WriteLineAsync("id            name                 scope  created           last used         revoked");
                    foreach (var t in tokens.List())
                    {
                        await stdout.WriteLineAsync($"{t.Id,-13} {t.Name,-20} {t.Scope,-6} {Time(t.CreatedAt),-17} {Time(t.LastUsedAt),-17} {Time(t.RevokedAt)}");
                    }

                    return CliVerbs.Ok;
                });
            case "revoke" when rest.Length > 0 && !rest[0].StartsWith('-'):
                return await WithStoreAsync(rest[1..], async tokens =>
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

    private static async Task<int> WithStoreAsync(string[] storageArgs, Func<ApiTokenStore, Task<int>> run)
    {
        using var store = CliVerbs.Open(storageArgs);
        var database = store.Documents;
        return await run(new ApiTokenStore(database, new AdminAudit(database, TimeProvider.System), TimeProvider.System));
    }

    /// <summary>The operating-system user running the verb: who did it, in the audit stream.</summary>
    private static UserRef Operator() => new("cli", Environment.UserName, Environment.UserName);

    private static string Time(DateTimeOffset? at) => at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "-";

    /// <summary><c>--name x --scope y</c> pairs; everything else (e.g. <c>--Storage:Path=…</c>) is passed on.</summary>
    private static (Dictionary<string, string> Named, string[] Others) Flags(string[] args)
    {
        var flags = new Dictionary<string, string>();
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--name" or "--scope" && i + 1 < args.Length)
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
