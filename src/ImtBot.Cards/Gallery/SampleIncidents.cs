using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Cards.Gallery;

/// <summary>
/// Incidents in several states, for the card gallery and the card tests. Each is a log of real events folded by
/// <see cref="Incident.Replay"/>, the only way anything outside the domain can get a state.
/// </summary>
public static class SampleIncidents
{
    /// <summary>A title that tries everything: mentions, quotes, markup, an injection, emoji, and 300 characters.</summary>
    public static readonly string HostileTitle = BuildHostileTitle();

    /// <summary>A summary that tries to break out of the card's JSON, Slack's link syntax and the template language.</summary>
    public const string HostileSummary = "\"}]},{\"type\":\"Action.OpenUrl\",\"title\":\"Click\",\"url\":\"https://evil.example\"}]} <https://evil.example|login> *bold* ${secret} {{DATE(2026-01-01T00:00:00Z)}}";

    private const string PaymentsTitle = "Payments delayed: card authorisations time out at the gateway";
    private const string PaymentsSummary = "Card payments time out after 30 s; about 40% of checkouts in the EU fail. Suspect the 08:02 gateway config push.";

    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    /// <summary>The samples by name: <c>declared</c>, <c>active</c>, <c>resolved</c>, <c>closed</c>, <c>drill</c>, <c>hostile</c>.</summary>
    public static IReadOnlyList<(string Name, Incident Incident)> All(string platform) =>
        Logs(platform).Select(l => (l.Name, Incident.Replay(l.Events))).ToList();

    /// <summary>Each sample's events, by name, in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<(string Name, IReadOnlyList<IncidentEvent> Events)> Logs(string platform) =>
    [
        ("declared", DeclaredLog(platform).Events()),
        ("active", ActiveLog(platform).Events()),
        ("resolved", ResolvedLog(platform).Events()),
        ("closed", ClosedLog(platform).Events()),
        ("drill", DrillLog(platform).Events()),
        ("hostile", HostileLog(platform).Events()),
    ];

    /// <summary>
    /// The summary a sample's card shows, or null. No event sets an incident's summary yet, so the gallery puts it on
    /// the card model to keep the card's summary block (and the hostile one) rendered and checked.
    /// </summary>
    public static string? SummaryOf(string name) => name switch
    {
        "active" or "resolved" or "closed" => PaymentsSummary,
        "hostile" => HostileSummary,
        _ => null,
    };

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

    public static Incident Declared(string platform) => Incident.Replay(DeclaredLog(platform).Events());

    public static Incident Active(string platform) => Incident.Replay(ActiveLog(platform).Events());

    public static Incident Resolved(string platform) => Incident.Replay(ResolvedLog(platform).Events());

    public static Incident Closed(string platform) => Incident.Replay(ClosedLog(platform).Events());

    public static Incident Drill(string platform) => Incident.Replay(DrillLog(platform).Events());

    public static Incident Hostile(string platform) => Incident.Replay(HostileLog(platform).Events());

    private static SampleLog DeclaredLog(string platform)
    {
        var alice = Person(platform, "Alice Martin");
        return Declare(platform, 41, "Checkout API returns HTTP 500 for a third of requests", 2, alice)
            .At(0, alice, new ParticipantJoined(alice));
    }

    /// <summary>SEV1, Identified: every role held, two updates, the gateway on-call paged for ops.</summary>
    private static SampleLog ActiveLog(string platform) =>
        Payments(platform, 42)
            .At(33, Person(platform, "Alice Martin"), new PageSent("p-42-7", Person(platform, "Farah Haddad"), "ops", "Need the gateway on-call to confirm the rollback", T0.AddMinutes(38), 1));

    /// <summary>Lowered to SEV2 and mitigated at 08:47, resolved at 09:23 with a closing update.</summary>
    private static SampleLog ResolvedLog(string platform) => Resolve(platform, Payments(platform, 43));

    /// <summary>The resolved incident with a missed and an answered page, closed at 11:00 with three follow-up actions.</summary>
    private static SampleLog ClosedLog(string platform)
    {
        var (alice, chen, dana, eli, farah) = (Person(platform, "Alice Martin"), Person(platform, "Chen Wei"), Person(platform, "Dana Kowalski"), Person(platform, "Eli Novak"), Person(platform, "Farah Haddad"));
        return Resolve(platform, Payments(platform, 44))
            .At(2, alice, new PageSent("p-44-1", farah, "ops", null, T0.AddMinutes(7), 1))
            .At(7, UserRef.System, new PageExpired("p-44-1"))
            .At(7, alice, new PageSent("p-44-2", dana, "ops", null, T0.AddMinutes(12), 1))
            .At(9, dana, new PageAcknowledged("p-44-2"))
            .At(180, alice, new ActionAdded(1, "Gate gateway config pushes behind a canary", dana, new DateOnly(2026, 12, 11)))
            .At(180, alice, new ActionAdded(2, "Alert on authorisation latency p95 > 5 s", eli, null))
            .At(180, chen, new ActionAdded(3, "Write the customer-facing summary", null, null))
            .At(180, alice, new StatusChanged(IncidentStatus.Resolved, IncidentStatus.Closed, null))
            .At(300, eli, new ActionCompleted(2));
    }

    /// <summary>A SEV3 drill led by Bob, mitigated at 08:20.</summary>
    private static SampleLog DrillLog(string platform)
    {
        var (alice, bob) = (Person(platform, "Alice Martin"), Person(platform, "Bob Okafor"));
        return Declare(platform, 45, "Drill: primary database fails over to the standby", 3, alice, IncidentKind.Drill, "database-failover")
            .At(3, bob, new ParticipantJoined(bob))
            .At(3, bob, new RoleAssigned("commander", bob))
            .At(20, bob, new StatusChanged(IncidentStatus.Declared, IncidentStatus.Mitigated, null));
    }

    /// <summary>Declared and led by a user whose name is an injection; a hostile update and page message.</summary>
    private static SampleLog HostileLog(string platform)
    {
        var mallory = new UserRef(platform, platform == PlatformNames.Slack ? "U0MALLORY1" : "29:mallory", "<!everyone> Mallory & \"Eve\" </script>");
        return Declare(platform, 46, HostileTitle, 1, mallory)
            .At(1, mallory, new RoleAssigned("commander", mallory))
            .At(2, mallory, new StatusChanged(IncidentStatus.Declared, IncidentStatus.Investigating, null))
            .At(5, mallory, new UpdatePosted("<!channel> @here look at <https://evil.example|this> & ${title} `code` </script><script>alert(1)</script>"))
            .At(6, mallory, new PageSent("p-46-1", Person(platform, "Bob Okafor"), "ops", "<!here> \"}]} ${$root}", T0.AddMinutes(11), 2));
    }

    /// <summary>The payments incident up to Identified: roles taken at 08:03 (command at 08:04), updates at 08:12 and 08:31.</summary>
    private static SampleLog Payments(string platform, int number)
    {
        var (alice, chen) = (Person(platform, "Alice Martin"), Person(platform, "Chen Wei"));
        var log = Declare(platform, number, PaymentsTitle, 1, alice);
        foreach (var (role, name) in new[] { ("commander", "Alice Martin"), ("deputy", "Bob Okafor"), ("comms", "Chen Wei"), ("ops", "Dana Kowalski"), ("scribe", "Eli Novak") })
        {
            var user = Person(platform, name);
            log.At(3, user, new ParticipantJoined(user));
            log.At(role == "commander" ? 4 : 3, user, new RoleAssigned(role, user));
        }

        return log
            .At(5, alice, new StatusChanged(IncidentStatus.Declared, IncidentStatus.Investigating, null))
            .At(12, chen, new UpdatePosted("We are investigating failed card payments in the EU. Next update by 08:45 UTC."))
            .At(25, alice, new StatusChanged(IncidentStatus.Investigating, IncidentStatus.Identified, "gateway configuration push at 08:02"))
            .At(31, chen, new UpdatePosted("Cause identified: a gateway configuration push at 08:02. Rolling it back now; payments should recover within 15 minutes."));
    }

    private static SampleLog Resolve(string platform, SampleLog payments)
    {
        var (alice, chen) = (Person(platform, "Alice Martin"), Person(platform, "Chen Wei"));
        return payments
            .At(47, alice, new SeverityChanged(1, 2, "the rollback is done; EU checkouts are recovering", new IncidentOptions().PolicyFor(2)))
            .At(47, alice, new StatusChanged(IncidentStatus.Identified, IncidentStatus.Mitigated, "gateway configuration rolled back"))
            .At(83, alice, new StatusChanged(IncidentStatus.Mitigated, IncidentStatus.Resolved, null))
            .At(83, chen, new UpdatePosted("Resolved: payments have been normal for 30 minutes. A review will follow."));
    }

    private static SampleLog Declare(string platform, int number, string title, int severity, UserRef by, IncidentKind kind = IncidentKind.Normal, string? scenario = null)
    {
        var options = new IncidentOptions();
        var origin = new ChannelRef(platform, platform == PlatformNames.Slack ? "C0INCIDENTS" : "19:incidents@thread.tacv2");
        return new SampleLog(number, T0)
            .At(0, by, new IncidentDeclared(title, severity, kind, origin, options.PolicyFor(severity), options.Roles, options.KeyRoles, options.Admins, scenario));
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
