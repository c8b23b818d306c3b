using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using static ImtBot.Core.Tests.Reviews.IncidentScript;

namespace ImtBot.Core.Tests.Reviews;

/// <summary>The scripted incidents the review and metrics tests share.</summary>
internal static class ScriptedIncidents
{
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    public static readonly UserRef Alice = User("U0ALICE", "Alice");
    public static readonly UserRef Bob = User("U0BOB", "Bob");
    public static readonly UserRef Carol = User("U0CAROL", "Carol");
    public static readonly UserRef Dan = User("U0DAN", "Dan");
    public static readonly UserRef Erin = User("U0ERIN", "Erin");
    public static readonly UserRef Frank = User("U0FRANK", "Frank");
    public static readonly UserRef Grace = User("U0GRACE", "Grace");
    private static readonly UserRef Bot = UserRef.System;

    /// <summary>
    /// INC-7, SEV2 raised to SEV1: a declined and an expired page, the commander found after 4m 10s, a late update,
    /// a hand-over, two actions (one done), resolved at 1h 30m, closed at 2h.
    /// </summary>
    public static IncidentScript Checkout() => new IncidentScript(7, Start)
        .Declare(Alice, "Checkout payments failing", 2)
        .At(T(0, 30), Bot, new PageSent("p1", Bob, "commander", "Checkout is failing", Start + T(10, 30), 1))
        .At(T(2), Bob, new PageDeclined("p1"))
        .At(T(2, 5), Bot, new PageSent("p2", Carol, "commander", null, Start + T(12, 5), 1))
        .At(T(4, 10), Carol, new PageAcknowledged("p2"))
        .At(T(4, 10), Carol, new RoleAssigned("commander", Carol))
        .At(T(5), Carol, new StatusChanged(IncidentStatus.Declared, IncidentStatus.Investigating, "looking at the payment gateway"))
        .At(T(6), Bot, new PageSent("p3", Dan, "comms", null, Start + T(16), 1))
        .At(T(16), Bot, new PageExpired("p3"))
        .At(T(17), Erin, new RoleAssigned("comms", Erin))
        .At(T(20), Erin, new UpdatePosted("We are investigating failed card payments at checkout."))
        .At(T(25), Carol, new SeverityChanged(2, 1, "all card payments failing", Policy(1)))
        .At(T(30), Frank, new RoleAssigned("ops", Frank))
        .At(T(40), Carol, new StatusChanged(IncidentStatus.Investigating, IncidentStatus.Identified, "expired TLS certificate on the gateway"))
        .At(T(45), Frank, new NoteAdded("Renewing certificate | rolling out to *3* nodes"))
        .At(T(58), Frank, new StatusChanged(IncidentStatus.Identified, IncidentStatus.Mitigated, "traffic moved to the standby gateway"))
        .At(T(65), Erin, new UpdatePosted("Payments work again via the standby gateway.\nNext update at 10:35."))
        .At(T(70), Carol, new HandoverRequested(Carol, Grace, "Cert renewed on 2 of 3 nodes; watch the error rate", true))
        .At(T(72, 30), Grace, new RoleAssigned("commander", Grace))
        .At(T(80), Grace, new ActionAdded(1, "Alert 14 days before any certificate expires", Frank, new DateOnly(2026, 12, 15)))
        .At(T(81), Grace, new ActionAdded(2, "Automate certificate renewal", null, null))
        .At(T(90), Grace, new StatusChanged(IncidentStatus.Mitigated, IncidentStatus.Resolved, "all three nodes renewed"))
        .At(T(100), Erin, new UpdatePosted("Resolved. A review will follow."))
        .At(T(110), Frank, new ActionCompleted(1))
        .At(T(120), Grace, new StatusChanged(IncidentStatus.Resolved, IncidentStatus.Closed, null));

    /// <summary>A drill: declared, led at once, mitigated, resolved and closed.</summary>
    public static IncidentScript Drill() => new IncidentScript(8, Start)
        .Declare(Alice, "Database failover practice", 3, IncidentKind.Drill, "database-failover")
        .At(T(0), Alice, new RoleAssigned("commander", Alice))
        .At(T(10), Alice, new StatusChanged(IncidentStatus.Declared, IncidentStatus.Mitigated, null))
        .At(T(20), Alice, new StatusChanged(IncidentStatus.Mitigated, IncidentStatus.Resolved, null))
        .At(T(21), Alice, new StatusChanged(IncidentStatus.Resolved, IncidentStatus.Closed, null));

    /// <summary>INC-3: resolved straight from Declared, reopened, led, resolved again; never closed.</summary>
    public static IncidentScript Reopened() => new IncidentScript(3, Start)
        .Declare(Alice, "Flaky API", 3)
        .At(T(10), Alice, new StatusChanged(IncidentStatus.Declared, IncidentStatus.Resolved, null))
        .At(T(30), Alice, new StatusChanged(IncidentStatus.Resolved, IncidentStatus.Investigating, "errors are back"))
        .At(T(35), Alice, new RoleAssigned("commander", Alice))
        .At(T(50), Alice, new StatusChanged(IncidentStatus.Investigating, IncidentStatus.Resolved, null));

    /// <summary>INC-4: a comms holder released after 10 minutes, then cancelled as a false alarm.</summary>
    public static IncidentScript Released() => new IncidentScript(4, Start)
        .Declare(Alice, "Queue backlog", 2)
        .At(T(0), Alice, new RoleAssigned("commander", Alice))
        .At(T(5), Bob, new RoleAssigned("comms", Bob))
        .At(T(15), Bob, new RoleReleased("comms", Bob, "shift ended"))
        .At(T(40), Alice, new StatusChanged(IncidentStatus.Declared, IncidentStatus.Cancelled, "false alarm"));

    /// <summary>INC-5: declared and nothing else yet.</summary>
    public static IncidentScript Open() => new IncidentScript(5, Start).Declare(Alice, "Open", 1);

    /// <summary>INC-6: a note, then a chat message pinned six minutes after it was posted.</summary>
    public static IncidentScript Pins() => new IncidentScript(6, Start)
        .Declare(Alice, "Pins", 3)
        .At(T(5), Alice, new NoteAdded("first"))
        .At(T(9), Erin, new MessageCaptured("slack", "1700000000.000100", Bob, Start + T(3), "I see 502s"));

    /// <summary>INC-9: investigated and resolved without ever being marked mitigated; the resolve is the mitigation.</summary>
    public static IncidentScript ResolvedFromInvestigating() => new IncidentScript(9, Start)
        .Declare(Alice, "Search results empty", 2)
        .At(T(2), Bob, new RoleAssigned("commander", Bob))
        .At(T(5), Bob, new StatusChanged(IncidentStatus.Declared, IncidentStatus.Investigating, null))
        .At(T(20), Carol, new UpdatePosted("Search is back after an index rebuild."))
        .At(T(25), Bob, new StatusChanged(IncidentStatus.Investigating, IncidentStatus.Resolved, "index rebuilt"))
        .At(T(40), Bob, new StatusChanged(IncidentStatus.Resolved, IncidentStatus.Closed, null));

    /// <summary>
    /// INC-12, as a new user runs one: the declarer leads at once (joining as they act), the ops page expires and the
    /// escalation repeats its message to Carol, who acknowledges; Dan declines comms; SEV4 raised to SEV1 and lowered back;
    /// the cause typed with <c>identified</c>; closed with roles still held.
    /// </summary>
    public static IncidentScript FirstTry() => new IncidentScript(12, Start)
        .Declare(Alice, "Search is slow", 4)
        .At(T(0, 38), Alice, new RoleAssigned("commander", Alice))
        .At(T(0, 38), Alice, new ParticipantJoined(Alice))
        .At(T(1), Bot, new PageSent("p1", Bob, "ops", "Please look at the search database", Start + T(61), 1))
        .At(T(61), Bot, new PageExpired("p1"))
        .At(T(61), Bot, new PageSent("p2", Carol, "ops", "Please look at the search database", Start + T(121), 2))
        .At(T(65, 30), Carol, new PageAcknowledged("p2"))
        .At(T(65, 30), Carol, new RoleAssigned("ops", Carol))
        .At(T(65, 30), Carol, new ParticipantJoined(Carol))
        .At(T(66), Bot, new PageSent("p3", Dan, "comms", null, Start + T(126), 1))
        .At(T(67), Dan, new PageDeclined("p3"))
        .At(T(70), Alice, new SeverityChanged(4, 1, "error rate > 5% for ~40% of users", Policy(1)))
        .At(T(75), Alice, new StatusChanged(IncidentStatus.Declared, IncidentStatus.Identified, "connection pool exhausted after the 08:55 deploy"))
        .At(T(80), Carol, new StatusChanged(IncidentStatus.Identified, IncidentStatus.Mitigated, "rolled back the 08:55 deploy"))
        .At(T(90), Alice, new SeverityChanged(1, 4, "contained", Policy(4)))
        .At(T(95), Alice, new StatusChanged(IncidentStatus.Mitigated, IncidentStatus.Resolved, null))
        .At(T(100), Alice, new StatusChanged(IncidentStatus.Resolved, IncidentStatus.Closed, null));

    /// <summary>
    /// INC-12 after its review meeting: the impact began 25 minutes before the declaration and was detected 10 minutes
    /// later; overview, cause (written by two people) and resolution written; an action added and one done after the close.
    /// </summary>
    public static IncidentScript Reviewed()
    {
        var script = FirstTry();
        return script
            .At(T(24 * 60), Alice, new ImpactRecorded(Start - T(25), "Search took over 10 s for ~40% of queries"))
            .At(T(24 * 60, 10), Alice, new DetectionRecorded(Start - T(15)))
            .At(T(24 * 60, 20), Alice, new ReviewTextWritten("summary", "A deploy shrank the search database pool; searches queued for 1h 45m."))
            .At(T(24 * 60, 30), Carol, new ReviewTextWritten("cause", "The 08:55 deploy set the pool size to 5.\nNo alert watched pool saturation."))
            .At(T(24 * 60, 40), Alice, new ReviewTextWritten("cause", "The 08:55 deploy set the pool size to 5 (was 50).\nNo alert watched pool saturation."))
            .At(T(24 * 60, 50), Carol, new ReviewTextWritten("resolution", "Rolled back the deploy; the pool size is now checked in CI."))
            .At(T(24 * 60 + 1), Alice, new ActionAdded(1, "Alert on pool saturation", Carol, new DateOnly(2026, 12, 11)))
            .At(T(24 * 60 + 2), Alice, new ActionAdded(2, "Check pool size in CI", Bob, null))
            .At(T(24 * 60 + 3), Bob, new ActionCompleted(2));
    }

    /// <summary>Every scripted incident, by name: what the agreement tests replay.</summary>
    public static IReadOnlyList<(string Name, IncidentScript Script)> All() =>
    [
        (nameof(Checkout), Checkout()), (nameof(Drill), Drill()), (nameof(Reopened), Reopened()), (nameof(Released), Released()),
        (nameof(Open), Open()), (nameof(Pins), Pins()), (nameof(ResolvedFromInvestigating), ResolvedFromInvestigating()),
        (nameof(FirstTry), FirstTry()), (nameof(Reviewed), Reviewed()),
    ];
}
