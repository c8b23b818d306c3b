using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ImtBot.Slack.Testing;
using ImtBot.Storage;

namespace ImtBot.Tests.Dispatch.Chaos;

/// <summary>
/// Issue 23 §9, the crash-and-outage run: a real ImtBot child process under mixed console and Slack load, against a
/// fake Slack on loopback that answers a share of calls with 429, 500, a dropped connection (before or after applying
/// the call) or slowly, is killed with SIGKILL at random moments, <see cref="Kills"/> times. After every kill
/// <c>imtbot verify</c> must pass; after every restart each acknowledged command must be in the log exactly once (and
/// none twice), and no channel, card or announcement may be doubled, on Slack or on the console. Commands whose answer
/// was lost to the kill are delivered again with the same id, as the platforms redeliver. At the end the faults stop
/// and every acknowledged effect must be delivered.
/// </summary>
internal sealed partial class CrashAndOutageRun(int kills, int seed, Action<string> log)
{
    private const string General = "CGENERAL";
    private const string Announcements = "CANNOUNCE";

    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();
    private readonly List<Command> _acknowledged = [];
    private readonly List<Command> _unanswered = [];
    private readonly List<int> _consoleIncidents = [];
    private readonly List<int> _slackIncidents = [];
    private readonly List<string> _problems = [];

    // The bot's log lines across restarts (the last ones): a doubled message's report quotes what its steps logged.
    private readonly Queue<string> _botLog = new();

    // Doubled cards already reported (channel, incident): the recovery loop checks Slack on every poll.
    private readonly HashSet<(string, string?)> _doubledCards = [];
    private int _next;

    public int Kills => kills;

    public static async Task<CrashAndOutageResult> RunAsync(int kills, int seed, Action<string> log) =>
        await new CrashAndOutageRun(kills, seed, log).RunAsync();

    private async Task<CrashAndOutageResult> RunAsync()
    {
        var watch = Stopwatch.StartNew();
        var dir = Path.Combine(Path.GetTempPath(), "imtbot-tests", "chaos-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var db = Path.Combine(dir, "imtbot.db");
        await using var fake = await FakeSlack.StartAsync(TimeProvider.System);
        fake.AddChannel("general", id: General);
        fake.AddChannel("incidents", id: Announcements);
        string[] settings =
        [
            $"--Storage:Path={db}", "--Console:Enabled=true", "--Dispatcher:Enabled=true",
            "--Dispatcher:Lease=00:00:05", "--Dispatcher:InitialBackoff=00:00:00.200", "--Dispatcher:MaxBackoff=00:00:02",
            "--Slack:BotToken=" + FakeSlack.BotToken, "--Slack:SigningSecret=" + SlackSigning.SigningSecret,
            "--Slack:ApiBaseUrl=" + fake.ApiBaseUrl.AbsoluteUri, "--Slack:AnnouncementsChannel=" + Announcements,
            "--RateLimits:ConsolePerMinute=100000", "--RateLimits:WebhooksPerMinute=100000",
            // What each Slack step did (posted, found already posted, reconciling), for the report of a doubled message.
            "--Logging:LogLevel:ImtBot.Slack=Information", "--Logging:LogLevel:ImtBot.Dispatch=Information",
        ];

        var done = 0;
        try
        {
            for (var round = 1; round <= kills; round++)
            {
                fake.Chaos = Chaos;
                using (var bot = await ChildBot.StartAsync(dir, settings, Remember))
                {
                    await RedeliverAsync(bot);
                    var load = TimeSpan.FromMilliseconds(_random.Next(500, 2500));
                    if (kills > 20 && round % 50 == 0)
                    {
                        log($"kill {round}: outbox {await OutboxAsync(bot)}"); // how the backlog grows
                    }

                    await LoadUntilKilledAsync(bot, load);
                }

                done++;

                // imtbot verify, through the executable's own verb entry (in this process: the killed one holds no lock).
                using var output = new StringWriter();
                var exit = await ImtBot.Hosting.CliVerbs.TryRunAsync(["verify", $"--Storage:Path={db}"], output, output);
                if (exit != 0)
                {
                    _problems.Add($"verify failed after kill {round} (exit {exit}): {output}");
                }

                // What the restart before this round did (redelivery, steps run again) is in the store now too.
                CheckStored(db, fake, $"after kill {round}");
                if (kills <= 20 || round % 10 == 0 || round == kills)
                {
                    log($"kill {round}/{kills}: {_acknowledged.Count} acknowledged, {_problems.Count} problems, {watch.Elapsed:hh\\:mm\\:ss}");
                }

                if (_problems.Count > 0)
                {
                    // Said now, not only at the end: the other lanes may run for most of an hour yet.
                    log($"stopped after kill {round}: {string.Join(" | ", _problems.Distinct().Take(3))}");
                    break;
                }
            }

            // Recovery: Slack answers again; everything acknowledged must arrive, once.
            fake.Chaos = null;
            using (var bot = await ChildBot.StartAsync(dir, settings, Remember))
            {
                await RedeliverAsync(bot);
                await WaitDeliveredAsync(bot, fake);
            }

            CheckStored(db, fake, "after recovery");
        }
        finally
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        // The recovery loop checks Slack on every poll, so one doubled card is reported once per poll: count each once.
        var duplicates = _problems.Distinct().Count(p => p.Contains("twice", StringComparison.Ordinal) || p.Contains("doubled", StringComparison.Ordinal));
        var losses = _problems.Distinct().Count(p => p.Contains("missing", StringComparison.Ordinal) || p.Contains("not delivered", StringComparison.Ordinal));
        return new CrashAndOutageResult(done, _acknowledged.Count, _acknowledged.Count(c => c.Slack), duplicates, losses, watch.Elapsed, [.. _problems.Distinct().Select(p => $"(seed {seed}) {p}")]);
    }

    /// <summary>Slack misbehaving on about one call in four: rate limits, server errors, dropped connections, slowness.</summary>
    private FakeFault? Chaos(string method)
    {
        int roll;
        lock (_gate)
        {
            roll = _random.Next(100);
        }

        return roll switch
        {
            < 7 => FakeFault.RateLimited(TimeSpan.FromSeconds(1)),
            < 12 => FakeFault.ServerError(),
            < 16 => FakeFault.AbortAfterApply(),
            < 19 => FakeFault.DropBeforeApply(),
            < 25 => FakeFault.Slow(TimeSpan.FromMilliseconds(100 + (roll * 37 % 900))),
            _ => null,
        };
    }

    /// <summary>Three workers (two console, one Slack) send commands until the child is killed at <paramref name="after"/>.</summary>
    private async Task LoadUntilKilledAsync(ChildBot bot, TimeSpan after)
    {
        using var stop = new CancellationTokenSource();
        var workers = new[] { WorkAsync(bot, slack: false, stop.Token), WorkAsync(bot, slack: false, stop.Token), WorkAsync(bot, slack: true, stop.Token) };
        await Task.Delay(after);
        bot.Kill();
        await stop.CancelAsync();
        await Task.WhenAll(workers);
    }

    private async Task WorkAsync(ChildBot bot, bool slack, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var command = NextCommand(slack);
            if (!await SendAsync(bot, command))
            {
                lock (_gate)
                {
                    _unanswered.Add(command);
                }

                await Task.Delay(50, CancellationToken.None);
            }

            if (slack)
            {
                // Slack paces posts at one a second a channel: keep the announcements backlog bounded.
                await Task.Delay(150, CancellationToken.None);
            }
        }
    }

    private Command NextCommand(bool slack)
    {
        lock (_gate)
        {
            var id = ++_next;
            var token = $"t{seed}x{id}";
            var incidents = slack ? _slackIncidents : _consoleIncidents;
            if (incidents.Count < 2 || _random.Next(100) < 8)
            {
                return new Command(id, slack, Declare: true, token, null, $"declare Chaos {token} sev2");
            }

            var incident = incidents[_random.Next(incidents.Count)];
            return new Command(id, slack, Declare: false, token, incident, $"update INC-{incident} progress {token}");
        }
    }

    /// <summary>Sends one command; true when it was answered (accepted or rejected), false when the answer was lost.</summary>
    private async Task<bool> SendAsync(ChildBot bot, Command command)
    {
        string? text;
        bool accepted;
        try
        {
            if (command.Slack)
            {
                var form = SlackPayloads.Command(command.Text, trigger: "chaos." + command.Id, channel: General);
                using var request = SlackSigning.Request("/api/slack/commands", form, SlackSigning.Form, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
                using var response = await bot.Http.SendAsync(request);
                if (!response.IsSuccessStatusCode)
                {
                    return false;
                }

                text = (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())?["text"];
                accepted = text is not null && (command.Declare ? Declared().IsMatch(text) : text.StartsWith("Update ", StringComparison.Ordinal));
            }
            else
            {
                using var response = await bot.Http.PostAsJsonAsync("/api/console/messages", new { id = "chaos-" + command.Id, user = "alice", channel = "general", text = "/incident " + command.Text });
                if (!response.IsSuccessStatusCode)
                {
                    return false;
                }

                var reply = (await response.Content.ReadFromJsonAsync<JsonObject>())!["replies"]![0]!;
                text = (string?)reply["text"];
                accepted = (bool)reply["accepted"]!;
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or System.Text.Json.JsonException)
        {
            return false;
        }

        lock (_gate)
        {
            if (!accepted)
            {
                return true; // answered with a refusal (e.g. a busy incident): nothing was promised
            }

            _acknowledged.Add(command);
            if (command.Declare && text is not null && Declared().Match(text) is { Success: true } m)
            {
                var number = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                (command.Slack ? _slackIncidents : _consoleIncidents).Add(number);
                command.Number = number;
            }
        }

        return true;
    }

    private Dictionary<int, string> _slackChannels = [];

    private string? Channel(int incident) => _slackChannels.GetValueOrDefault(incident);

    /// <summary>What the kill left unanswered is delivered again with the same id, as Slack and the console client do.</summary>
    private async Task RedeliverAsync(ChildBot bot)
    {
        List<Command> again;
        lock (_gate)
        {
            again = [.. _unanswered];
            _unanswered.Clear();
        }

        foreach (var command in again)
        {
            var answered = false;
            for (var attempt = 0; attempt < 20 && !answered; attempt++)
            {
                answered = await SendAsync(bot, command);
                if (!answered)
                {
                    await Task.Delay(250);
                }
            }

            if (!answered)
            {
                _problems.Add($"command {command.Id} ({command.Text}) got no answer from a running bot");
            }
        }
    }

    /// <summary>
    /// The log and both platforms, read while the bot is down: the store in this process (the killed bot holds no
    /// lock), the fake Slack in memory. One pass over the store, so a check costs milliseconds even a thousand kills in,
    /// where asking the API for every incident's timeline and channel made each kill slower than the last.
    /// </summary>
    private void CheckStored(string db, FakeSlack fake, string when)
    {
        using var store = ImtBot.Hosting.CliVerbs.Open([$"--Storage:Path={db}"]);
        var tokens = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var incident in store.ListIncidents(openOnly: false))
        {
            foreach (var e in store.GetEvents(incident.Number).Where(e => e.Type is "declared" or "update_posted"))
            {
                foreach (Match m in Token().Matches(e.Data.ToString()))
                {
                    tokens[m.Value] = tokens.GetValueOrDefault(m.Value) + 1;
                }
            }
        }

        foreach (var (token, count) in tokens.Where(t => t.Value > 1))
        {
            _problems.Add($"{when}: command {token} recorded twice ({count} times)");
        }

        List<Command> acknowledged;
        lock (_gate)
        {
            acknowledged = [.. _acknowledged];
        }

        foreach (var command in acknowledged.Where(c => !tokens.ContainsKey(c.Token)))
        {
            _problems.Add($"{when}: acknowledged command {command.Token} ({command.Text}) missing from the log");
        }

        CheckSlack(fake, when, store);
        CheckConsole(new ImtBot.ConsoleChat.ConsoleChatStore(store.Documents), when);
    }

    private void Remember(string line)
    {
        lock (_botLog)
        {
            _botLog.Enqueue(line);
            while (_botLog.Count > 20_000)
            {
                _botLog.Dequeue();
            }
        }
    }

    /// <summary>
    /// What a doubled card's report needs to be traced: each card message (ts, the step that posted it), the incident's
    /// card steps in the store (attempts, when first tried and completed, last error) and the bot's log lines naming them.
    /// </summary>
    private string CardTrace(IIncidentStore? store, string incident, IEnumerable<JsonNode> messages)
    {
        var posted = messages.Select(m => $"ts {(string?)m["ts"]} by {(string?)m["metadata"]?["event_payload"]?["step"]}").ToList();
        if (store is null || !int.TryParse(incident.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return "cards: " + string.Join("; ", posted);
        }

        var steps = Enum.GetValues<ImtBot.Core.Ports.OutboxStatus>()
            .SelectMany(store.GetSteps)
            .Where(s => s.Incident == number && s.Kind is "sync_card" or "open_channel")
            .OrderBy(s => s.CreatedAt)
            .ToList();
        var keys = steps.Select(s => s.Key).ToList();
        string[] lines;
        lock (_botLog)
        {
            lines = [.. _botLog.Where(l => keys.Any(k => l.Contains(k, StringComparison.Ordinal)))];
        }

        return "cards: " + string.Join("; ", posted)
            + " | steps: " + string.Join("; ", steps.Select(s => $"{s.Key} {s.Kind} {s.Status} attempts {s.Attempts} due {s.DueAt:HH:mm:ss.fff} first {s.FirstTriedAt:HH:mm:ss.fff} done {s.CompletedAt:HH:mm:ss.fff} {s.LastError}"))
            + " | log: " + string.Join(" / ", lines.TakeLast(40));
    }

    private void CheckSlack(FakeSlack fake, string when, IIncidentStore? store = null)
    {
        lock (fake.Gate)
        {
            foreach (var group in fake.Channels.Values.Where(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).GroupBy(c => c.Name.Split('-')[1]).Where(g => g.Count() > 1))
            {
                _problems.Add($"{when}: Slack channel of INC-{group.Key} doubled");
            }

            foreach (var channel in fake.Channels.Values)
            {
                var steps = channel.Messages
                    .Select(m => m["metadata"]?["event_payload"])
                    .Where(p => p is not null)
                    .Select(p => ((string?)p!["step"], (string?)p["target"], (string?)p["incident"]))
                    .ToList();
                foreach (var twice in steps.GroupBy(s => (s.Item1, s.Item2)).Where(g => g.Count() > 1))
                {
                    _problems.Add($"{when}: Slack message of step {twice.Key.Item1} ({twice.Key.Item2}) doubled in {channel.Id}");
                }

                foreach (var cards in steps.Where(s => s.Item2 == "card").GroupBy(s => s.Item3).Where(g => g.Count() > 1 && _doubledCards.Add((channel.Id, g.Key))))
                {
                    var messages = channel.Messages.Where(m => (string?)m["metadata"]?["event_payload"]?["target"] == "card" && (string?)m["metadata"]?["event_payload"]?["incident"] == cards.Key);
                    _problems.Add($"{when}: Slack card of {cards.Key} doubled in {channel.Id}: {CardTrace(store, cards.Key!, messages)}");
                }

                if (channel.Name.StartsWith("inc-", StringComparison.Ordinal))
                {
                    _slackChannels[int.Parse(channel.Name.Split('-')[1], System.Globalization.CultureInfo.InvariantCulture)] = channel.Id;
                }
            }
        }
    }

    private void CheckConsole(ImtBot.ConsoleChat.ConsoleChatStore chat, string when)
    {
        var channels = chat.ListChannels();
        foreach (var group in channels.Where(c => c.Incident is not null).GroupBy(c => c.Incident!.Value).Where(g => g.Count() > 1))
        {
            _problems.Add($"{when}: console channel of INC-{group.Key} doubled");
        }

        foreach (var channel in channels.Where(c => c.Incident is not null))
        {
            var messages = chat.ListMessages(channel.Id, int.MaxValue).Where(m => m.VisibleTo is null).ToList();
            if (messages.Count(m => m.Pinned) > 1 || messages.Count(m => m.CardJson is not null && m.Text.StartsWith($"INC-{channel.Incident} ·", StringComparison.Ordinal)) > 1)
            {
                _problems.Add($"{when}: console card of INC-{channel.Incident} doubled");
            }

            foreach (var twice in messages.Where(m => m.UserId == ImtBot.ConsoleChat.ConsoleChatService.BotId).GroupBy(m => m.Text).Where(g => g.Count() > 1 && Token().IsMatch(g.Key)))
            {
                _problems.Add($"{when}: console message \"{twice.Key}\" doubled in {channel.Id}");
            }
        }

        foreach (var twice in chat.ListMessages("announcements", int.MaxValue).Where(m => m.VisibleTo is null).GroupBy(m => m.Text).Where(g => g.Count() > 1 && g.Key.Contains("INC-", StringComparison.Ordinal)))
        {
            _problems.Add($"{when}: console announcement \"{twice.Key}\" doubled");
        }
    }

    /// <summary>
    /// Every acknowledged command's effect is on its platform: a channel with one card, each update posted there. A
    /// delivered effect stays delivered, so each poll asks only about the ones still missing (and what it asks of the
    /// bot shrinks as it drains: polling every incident's channel each time made the run the bot's heaviest load), and
    /// the log says every half minute how many are left and what the outbox holds.
    /// </summary>
    private async Task WaitDeliveredAsync(ChildBot bot, FakeSlack fake)
    {
        List<Command> missing;
        lock (_gate)
        {
            missing = [.. _acknowledged];
        }

        var started = DateTime.UtcNow;
        var deadline = started + TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(missing.Count(c => c.Slack) * 2);
        var reported = started;
        while (true)
        {
            CheckSlack(fake, "recovery");
            var console = new ConsoleView(bot);
            var still = new List<Command>();
            foreach (var command in missing)
            {
                if (!await DeliveredAsync(console, fake, command))
                {
                    still.Add(command);
                }
            }

            missing = still;
            if (missing.Count == 0)
            {
                log($"recovery: everything delivered after {DateTime.UtcNow - started:mm\\:ss}");
                return;
            }

            if (DateTime.UtcNow >= deadline)
            {
                break;
            }

            if (DateTime.UtcNow - reported >= TimeSpan.FromSeconds(30))
            {
                reported = DateTime.UtcNow;
                log($"recovery {DateTime.UtcNow - started:mm\\:ss}: {missing.Count} effects to deliver; outbox {await OutboxAsync(bot)}");
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        _problems.Add($"{missing.Count} acknowledged effects not delivered {DateTime.UtcNow - started:mm\\:ss} after recovery, e.g. {string.Join(", ", missing.Take(5).Select(c => c.Token))}; outbox {await OutboxAsync(bot)}");
    }

    /// <summary>The bot's outbox by kind and state, from its own /metrics (what a backlog is made of and waits for).</summary>
    private static async Task<string> OutboxAsync(ChildBot bot)
    {
        try
        {
            var text = await bot.Http.GetStringAsync("/metrics");
            var counts = OutboxGauge().Matches(text)
                .Select(m => (Kind: m.Groups[1].Value, State: m.Groups[2].Value, Count: double.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture)))
                .Where(c => c.Count > 0)
                .OrderByDescending(c => c.Count);
            return string.Join(", ", counts.Select(c => $"{c.Kind} {c.State} {c.Count}"));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return "unknown (" + e.Message + ")";
        }
    }

    private async Task<bool> DeliveredAsync(ConsoleView console, FakeSlack fake, Command command)
    {
        var incident = command.Number ?? command.Incident ?? 0;
        if (command.Slack)
        {
            lock (fake.Gate)
            {
                if (Channel(incident) is not { } id || !fake.Channels.TryGetValue(id, out var channel))
                {
                    return false;
                }

                var texts = channel.Messages.Select(m => m.ToJsonString()).ToList();
                return command.Declare
                    ? channel.Messages.Any(m => (string?)m["metadata"]?["event_payload"]?["target"] == "card") && channel.Pins.Count == 1
                    : texts.Any(t => t.Contains(command.Token, StringComparison.Ordinal));
            }
        }

        if (await console.MessagesOfAsync(incident) is not { } messages)
        {
            return false;
        }

        return command.Declare
            ? messages.Any(m => (bool)m!["pinned"]!)
            : messages.Any(m => ((string)m!["text"]!).Contains(command.Token, StringComparison.Ordinal));
    }

    /// <summary>The console's incident channels as one poll sees them: each channel read once, however many commands ask.</summary>
    private sealed class ConsoleView(ChildBot bot)
    {
        private readonly Dictionary<int, JsonArray?> _messages = [];
        private JsonArray? _channels;

        public async Task<JsonArray?> MessagesOfAsync(int incident)
        {
            if (_messages.TryGetValue(incident, out var known))
            {
                return known;
            }

            _channels ??= (await bot.Http.GetFromJsonAsync<JsonArray>("/api/console/channels?user=alice"))!;
            var found = _channels.FirstOrDefault(c => (int?)c!["incident"] == incident);
            return _messages[incident] = found is null ? null : await MessagesAsync(bot, (string)found["id"]!);
        }
    }

    private static async Task<JsonArray> MessagesAsync(ChildBot bot, string channel) =>
        (await bot.Http.GetFromJsonAsync<JsonArray>($"/api/console/channels/{Uri.EscapeDataString(channel)}/messages?user=alice"))!;

    [GeneratedRegex(@"\bINC-(\d+)\b")]
    private static partial Regex Declared();

    [GeneratedRegex(@"^imtbot_outbox_steps_by_kind\{kind=""([^""]+)"",state=""([^""]+)""\} (\S+)$", RegexOptions.Multiline)]
    private static partial Regex OutboxGauge();

    [GeneratedRegex(@"t\d+x\d+")]
    private static partial Regex Token();

    private sealed record Command(int Id, bool Slack, bool Declare, string Token, int? Incident, string Text)
    {
        public int? Number { get; set; }
    }
}

/// <summary>What a crash-and-outage run measured.</summary>
internal sealed record CrashAndOutageResult(int Kills, int Acknowledged, int AcknowledgedOnSlack, int Duplicates, int Losses, TimeSpan Duration, IReadOnlyList<string> Problems)
{
    /// <summary>Runs side by side, as one: kills, commands and problems added up, the longest duration.</summary>
    public static CrashAndOutageResult Sum(IReadOnlyList<CrashAndOutageResult> runs) => new(
        runs.Sum(r => r.Kills), runs.Sum(r => r.Acknowledged), runs.Sum(r => r.AcknowledgedOnSlack), runs.Sum(r => r.Duplicates),
        runs.Sum(r => r.Losses), runs.Max(r => r.Duration), [.. runs.SelectMany(r => r.Problems)]);

    public override string ToString() =>
        $"{Kills} kills, {Acknowledged} acknowledged commands ({AcknowledgedOnSlack} on Slack), {Duplicates} duplicates, {Losses} losses, {Duration:hh\\:mm\\:ss}";
}
