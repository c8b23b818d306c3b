using System.Globalization;
using System.Text.Json.Nodes;
using ImtBot.Slack.Testing;
using ImtBot.Storage.Tests.Postgres;
using ImtBot.Tests.Dispatch.Chaos;
using Npgsql;

namespace ImtBot.Tests.Cluster;

/// <summary>
/// Several built ImtBot executables as child processes on one PostgreSQL database and one fake Slack, each killable
/// with SIGKILL. Fake clocks cannot cross processes, so these run on real time: leases and timers are kept short by
/// settings, and tests wait on conditions they poll (<see cref="WaitForAsync{T}"/>), each wait bounded.
/// </summary>
internal sealed class ChildCluster : IAsyncDisposable
{
    public const string General = "CGENERAL";
    public const string Announcements = "CANNOUNCE";

    private readonly string _folder;

    private ChildCluster(string folder, string database, FakeSlack slack, ChildBot[] bots)
    {
        _folder = folder;
        Database = database;
        Slack = slack;
        Bots = [.. bots];
    }

    public string Database { get; }

    public FakeSlack Slack { get; }

    public List<ChildBot> Bots { get; }

    public IEnumerable<ChildBot> Running => Bots.Where(b => !b.HasExited);

    /// <summary>Starts <paramref name="count"/> instances at once (they migrate the new database's schema together).</summary>
    public static async Task<ChildCluster> StartAsync(PostgresServer server, int count, params string[] settings)
    {
        var folder = Path.Combine(Path.GetTempPath(), "imtbot-tests", "cluster-" + Guid.NewGuid().ToString("N"));
        var database = server.CreateDatabase("children");
        var slack = await FakeSlack.StartAsync(TimeProvider.System);
        slack.AddChannel("general", id: General);
        slack.AddChannel("incidents", id: Announcements);
        slack.Users["UCAROL"] = "Carol";
        string[] shared =
        [
            "--Storage:Provider=PostgreSQL", $"--Storage:ConnectionString={database}", "--Dispatcher:Enabled=true",
            "--Slack:BotToken=" + FakeSlack.BotToken, "--Slack:SigningSecret=" + SlackSigning.SigningSecret,
            "--Slack:ApiBaseUrl=" + slack.ApiBaseUrl.AbsoluteUri, "--Slack:AnnouncementsChannel=" + Announcements,
            "--RateLimits:ConsolePerMinute=100000", "--RateLimits:WebhooksPerMinute=100000",
            "--Learning:DigestAt=", "--Drills:PracticeReminderAt=",
            .. settings.Select(s => "--" + s),
        ];
        var starting = Enumerable.Range(0, count).Select(i =>
        {
            var own = Path.Combine(folder, "bot" + i);
            Directory.CreateDirectory(own);
            return ChildBot.StartAsync(own, shared);
        }).ToList();
        try
        {
            await Task.WhenAll(starting);
        }
        catch
        {
            foreach (var started in starting.Where(s => s.IsCompletedSuccessfully))
            {
                started.Result.Dispose();
            }

            await slack.DisposeAsync();
            throw;
        }

        return new ChildCluster(folder, database, slack, [.. starting.Select(s => s.Result)]);
    }

    /// <summary>The instance a lease owner names (<c>machine:pid:guid</c>, as the dispatcher and the leader election write it).</summary>
    public ChildBot? OwnedBy(string? owner) =>
        owner?.Split(':') is [_, var pid, ..] && int.TryParse(pid, CultureInfo.InvariantCulture, out var id) ? Bots.FirstOrDefault(b => b.Pid == id) : null;

    /// <summary>One value read from the shared database (null when no row).</summary>
    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync() is T value ? value : default;
    }

    /// <summary>Sends a slash command to one instance over HTTP; returns the ephemeral reply's text.</summary>
    public static async Task<string> SlashAsync(ChildBot bot, string text, string trigger, string user = "UALICE")
    {
        var form = SlackPayloads.Command(text, trigger: trigger, user: user, channel: General);
        using var request = SlackSigning.Request("/api/slack/commands", form, SlackSigning.Form, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        using var response = await bot.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())?["text"] ?? "";
    }

    /// <summary>
    /// Polls <paramref name="probe"/> until it returns a value; fails after <paramref name="bound"/> — a hang guard
    /// generous for a loaded machine, not a measurement — with what the instances last wrote.
    /// </summary>
    public async Task<T> WaitForAsync<T>(string what, TimeSpan bound, Func<Task<T?>> probe)
    {
        var until = DateTime.UtcNow + bound;
        while (true)
        {
            try
            {
                if (await probe() is { } found)
                {
                    return found;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or NpgsqlException or IOException)
            {
                // An instance or the server is away right now: look again.
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Not within {bound.TotalSeconds:0} s: {what}.\n{Tail()}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>What the instances last wrote, for a failure message.</summary>
    public string Tail() => string.Join("\n", Bots.Select(b => $"--- pid {b.Pid}{(b.HasExited ? " (exited)" : "")}:\n" + string.Join("\n", b.Output.TakeLast(30))));

    public async ValueTask DisposeAsync()
    {
        foreach (var bot in Bots)
        {
            bot.Dispose();
        }

        await Slack.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
