using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Cards.Gallery;

/// <summary>Incidents in several states, for the card gallery and the card tests (built through the state's setters).</summary>
public static class SampleIncidents
{
    /// <summary>A title that tries everything: mentions, quotes, markup, an injection, emoji, and 300 characters.</summary>
    public static readonly string HostileTitle = BuildHostileTitle();

    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    /// <summary>The samples by name: <c>declared</c>, <c>active</c>, <c>resolved</c>, <c>closed</c>, <c>drill</c>, <c>hostile</c>.</summary>
    public static IReadOnlyList<(string Name, IncidentState Incident)> All(string platform) =>
    [
        ("declared", Declared(platform)),
        ("active", Active(platform)),
        ("resolved", Resolved(platform)),
        ("closed", Closed(platform)),
        ("drill", Drill(platform)),
        ("hostile", Hostile(platform)),
    ];

    /// <summary>A sample person with an id shaped like the platform's (Slack <c>U0…</c>, Teams <c>29:…</c>).</summary>
    public static UserRef Person(string platform, string name)
    {
        var letters = new string(name.Where(char.IsAsciiLetter).ToArray());
        var id = platform switch
        {
            PlatformNames.Slack => "U0" + letters.ToUpperInvariant()[..Math.Min(6, letters.Length)] + "1",
            PlatformNames.Teams => "29:1-" + letters.ToLowerInvariant(),
            _ => letters.ToLowerInvariant(),
        };
        return new UserRef(platform, id, name);
    }

    public static IncidentState Declared(string platform)
    {
        var s = Base(platform, 41, "Checkout API returns HTTP 500 for a third of requests", 2);
        s.Status = IncidentStatus.Declared;
        s.ParticipantList.Add(s.DeclaredBy);
        return s;
    }

    public static IncidentState Active(string platform)
    {
        var s = Base(platform, 42, "Payments delayed: card authorisations time out at the gateway", 1);
        s.Status = IncidentStatus.Identified;
        s.Summary = "Card payments time out after 30 s; about 40% of checkouts in the EU fail. Suspect the 08:02 gateway config push.";
        s.AcknowledgedAt = T0.AddMinutes(4);
        Fill(s, platform, ("commander", "Alice Martin"), ("deputy", "Bob Okafor"), ("comms", "Chen Wei"), ("ops", "Dana Kowalski"), ("scribe", "Eli Novak"));
        s.UpdateList.Add(new StatusUpdate(T0.AddMinutes(12), Person(platform, "Chen Wei"), "We are investigating failed card payments in the EU. Next update by 08:45 UTC."));
        s.UpdateList.Add(new StatusUpdate(T0.AddMinutes(31), Person(platform, "Chen Wei"), "Cause identified: a gateway configuration push at 08:02. Rolling it back now; payments should recover within 15 minutes."));
        s.PageList.Add(new Page("p-42-7", Person(platform, "Farah Haddad"), "ops", "Need the gateway on-call to confirm the rollback", T0.AddMinutes(33), T0.AddMinutes(38), 1, PageStatus.Paged, null));
        return s;
    }

    public static IncidentState Resolved(string platform)
    {
        var s = Active(platform);
        s.Number = 43;
        s.Severity = 2;
        s.Policy = new IncidentOptions().PolicyFor(2);
        s.Status = IncidentStatus.Resolved;
        s.PageList.Clear();
        s.MitigatedAt = T0.AddMinutes(47);
        s.ResolvedAt = T0.AddMinutes(83);
        s.UpdateList.Add(new StatusUpdate(T0.AddMinutes(83), Person(platform, "Chen Wei"), "Resolved: payments have been normal for 30 minutes. A review will follow."));
        return s;
    }

    public static IncidentState Closed(string platform)
    {
        var s = Resolved(platform);
        s.Number = 44;
        s.Status = IncidentStatus.Closed;
        s.ClosedAt = T0.AddHours(3);
        s.PageList.Add(new Page("p-44-1", Person(platform, "Farah Haddad"), "ops", null, T0.AddMinutes(2), T0.AddMinutes(7), 1, PageStatus.Expired, null));
        s.PageList.Add(new Page("p-44-2", Person(platform, "Dana Kowalski"), "ops", null, T0.AddMinutes(7), T0.AddMinutes(12), 1, PageStatus.Acknowledged, T0.AddMinutes(9)));
        s.ActionList.Add(new ActionItem(1, "Gate gateway config pushes behind a canary", Person(platform, "Dana Kowalski"), new DateOnly(2026, 12, 11), T0.AddHours(3), Person(platform, "Alice Martin"), false, null));
        s.ActionList.Add(new ActionItem(2, "Alert on authorisation latency p95 > 5 s", Person(platform, "Eli Novak"), null, T0.AddHours(3), Person(platform, "Alice Martin"), true, T0.AddHours(5)));
        s.ActionList.Add(new ActionItem(3, "Write the customer-facing summary", null, null, T0.AddHours(3), Person(platform, "Chen Wei"), false, null));
        return s;
    }

    public static IncidentState Drill(string platform)
    {
        var s = Base(platform, 45, "Drill: primary database fails over to the standby", 3);
        s.Kind = IncidentKind.Drill;
        s.Scenario = "database-failover";
        s.Status = IncidentStatus.Mitigated;
        s.MitigatedAt = T0.AddMinutes(20);
        Fill(s, platform, ("commander", "Bob Okafor"));
        return s;
    }

    public static IncidentState Hostile(string platform)
    {
        var s = Base(platform, 46, HostileTitle, 1);
        s.Status = IncidentStatus.Investigating;
        s.Summary = "\"}]},{\"type\":\"Action.OpenUrl\",\"title\":\"Click\",\"url\":\"https://evil.example\"}]} <https://evil.example|login> *bold* ${secret} {{DATE(2026-01-01T00:00:00Z)}}";
        var mallory = new UserRef(platform, platform == PlatformNames.Slack ? "U0MALLORY1" : "29:mallory", "<!everyone> Mallory & \"Eve\" </script>");
        s.DeclaredBy = mallory;
        s.HoldersByRole["commander"] = new RoleHolder("commander", mallory, T0.AddMinutes(1));
        s.UpdateList.Add(new StatusUpdate(T0.AddMinutes(5), mallory, "<!channel> @here look at <https://evil.example|this> & ${title} `code` </script><script>alert(1)</script>"));
        s.PageList.Add(new Page("p-46-1", Person(platform, "Bob Okafor"), "ops", "<!here> \"}]} ${$root}", T0.AddMinutes(6), T0.AddMinutes(11), 2, PageStatus.Paged, null));
        return s;
    }

    private static IncidentState Base(string platform, int number, string title, int severity)
    {
        var options = new IncidentOptions();
        return new IncidentState
        {
            Number = number,
            Title = title,
            Severity = severity,
            Policy = options.PolicyFor(severity),
            Kind = IncidentKind.Normal,
            Origin = new ChannelRef(platform, platform == PlatformNames.Slack ? "C0INCIDENTS" : "19:incidents@thread.tacv2"),
            DeclaredBy = Person(platform, "Alice Martin"),
            DeclaredAt = T0,
            RoleNames = options.Roles,
            KeyRoles = options.KeyRoles,
            Version = 7,
        };
    }

    private static void Fill(IncidentState s, string platform, params (string Role, string Name)[] holders)
    {
        foreach (var (role, name) in holders)
        {
            var user = Person(platform, name);
            s.HoldersByRole[role] = new RoleHolder(role, user, T0.AddMinutes(3));
            s.ParticipantList.Add(user);
        }
    }

    private static string BuildHostileTitle()
    {
        var start = "<!channel> @here \"quotes\" </script><script>alert('x')</script> 🔥🧯 & <@U123> *bold* ${title} \"}]},{\"type\":\"Action.OpenUrl\",\"url\":\"https://evil.example\"} ";
        var filler = string.Concat(Enumerable.Repeat("the checkout is on fire 🔥 ", 20));
        var result = new System.Text.StringBuilder();
        var e = System.Globalization.StringInfo.GetTextElementEnumerator(start + filler);
        while (e.MoveNext() && result.Length + e.GetTextElement().Length <= 300)
        {
            result.Append(e.GetTextElement());
        }

        return result.ToString();
    }
}
