using CsCheck;
using ImtBot.Core.Commands;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Paging;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Tests.Incidents;

/// <summary>Random command sequences from random people on a moving clock: the invariants of the aggregate hold.</summary>
public class IncidentPropertyTests
{
    private const int Kinds = 28;
    private static readonly UserRef[] Cast = [People.Alice, People.Bob, People.Carol, People.Dave, People.Erin, People.Admin];

    private static readonly Gen<(int Actor, int Kind, int Minutes)[]> Scripts =
        Gen.Select(Gen.Int[0, Cast.Length - 1], Gen.Int[0, Kinds - 1], Gen.Int[0, 12]).Array[1, 60];

    [Fact]
    public void Decide_RandomScripts_ReplayEqualsLiveAndInvariantsHold() => Scripts.Sample(script =>
    {
        var s = Scenario.Declared(People.Alice, severity: 2);
        s.OnCall["ops"] = [People.Bob, People.Carol, People.Dave];
        foreach (var (actor, kind, minutes) in script)
        {
            s.Advance(TimeSpan.FromMinutes(minutes));
            var who = kind is >= 22 and <= 25 ? UserRef.System : Cast[actor];
            var d = s.Do(who, CommandFor(kind, Cast[(actor + 1) % Cast.Length], s));
            Assert.False(string.IsNullOrWhiteSpace(d.Reply));
            Assert.True(d.Accepted || (d.Events.Count == 0 && d.Effects.Count == 0));
        }

        var replayed = Incident.Replay(StateFingerprint.RoundTrip(s.Events));
        Assert.Equal(StateFingerprint.Of(s.Live), StateFingerprint.Of(replayed));
        Assert.True(ChainVerifier.Verify(s.Events).Valid);
        Assert.All(s.Events.Select(e => e.Data).OfType<StatusChanged>(), c => Assert.True(IncidentLifecycle.CanMove(c.From, c.To), $"{c.From} → {c.To}"));
        Assert.All(s.Live.Roles.Keys, r => Assert.Contains(r, s.Live.RoleNames));
        var answers = s.Events.Select(e => e.Data switch
        {
            PageAcknowledged a => a.PageId,
            PageDeclined a => a.PageId,
            PageExpired a => a.PageId,
            _ => null,
        }).OfType<string>().ToArray();
        Assert.Equal(answers.Length, answers.Distinct().Count());
        Assert.Equal(s.Live.Pages.Count, s.Live.Pages.Select(p => p.Id).Distinct().Count());
    }, iter: 400);

    /// <summary>
    /// The incident's one reminder timer is never missing: after every command, the timers the decisions armed (and
    /// <see cref="Scenario.Wait"/> has not fired) include one at or before the earliest reminder due, and once time
    /// has passed no reminder is left due and unsent. Time passes as the dispatcher lets it: each timer fires when due.
    /// </summary>
    [Fact]
    public void ReminderTimer_RandomScripts_EveryDueReminderIsSent() => Scripts.Sample(script =>
    {
        var s = new Scenario { Plans = Plans.TestPlans.Catalog };
        s.Ok(People.Alice, new DeclareCommand("Checkout is down", 2, false) { Type = "outage" });
        s.OnCall["ops"] = [People.Bob, People.Carol, People.Dave];
        foreach (var (actor, kind, minutes) in script)
        {
            s.Wait(TimeSpan.FromMinutes(minutes));
            var other = Cast[(actor + 1) % Cast.Length];
            var command = kind switch
            {
                22 => new TaskDoneCommand(1 + (actor % 4), null),
                23 => new TypeCommand(actor % 2 == 0 ? "breach" : "outage"),
                24 => new SnoozeCommand(actor % 2 == 0 ? "tasks" : "update", TimeSpan.FromMinutes(7)),
                25 => new TaskAddCommand("check the replica", People.Arg(other), actor),
                _ => CommandFor(kind, other, s),
            };
            s.Do(kind is >= 22 and <= 25 ? People.Alice : Cast[actor], command);

            var earliest = ReminderSchedule.Earliest(s.Live, s.Options.MaxReminders);
            Assert.True(earliest is null || s.Timers.Any(t => t.TimerKey == TimerKeys.Reminders && t.DueAt <= earliest), $"no reminder timer by {earliest} after {command}");
        }

        s.Wait(TimeSpan.FromDays(2));
        Assert.DoesNotContain(ReminderSchedule.Pending(s.Live, s.Options.MaxReminders), r => r.Due <= s.Clock.GetUtcNow());
    }, iter: 300);

    private static Command CommandFor(int kind, UserRef other, Scenario s) => kind switch
    {
        0 => new RoleCommand("lead", UserArg.Me),
        1 => new RoleCommand("ops", People.Arg(other)),
        2 => new RoleCommand("comms", UserArg.Me),
        3 => new PageCommand("ops", null, null),
        4 => new PageCommand(null, People.Arg(other), "help"),
        5 => new AckCommand(),
        6 => new DeclineCommand(),
        7 => new SeverityCommand(1 + (other.Id.Length % 4), "because"),
        8 => new UpdateCommand("progress"),
        9 => new NoteCommand("note"),
        10 => new TransitionCommand(IncidentStatus.Investigating, null),
        11 => new TransitionCommand(IncidentStatus.Identified, null),
        12 => new TransitionCommand(IncidentStatus.Mitigated, null),
        13 => new TransitionCommand(IncidentStatus.Resolved, "fixed"),
        14 => new ReopenCommand("again"),
        15 => new CancelCommand("false alarm"),
        16 => new CloseCommand(),
        17 => new ActionCommand("follow up", People.Arg(other), null),
        18 => new ActionDoneCommand(1),
        19 => new HandoverCommand(People.Arg(other), "summary", false),
        20 => new HandoverCommand(People.Arg(other), "summary", true),
        21 => new SnoozeCommand("roles", TimeSpan.FromMinutes(5)),
        22 => new TimerCommand("page:p" + Math.Max(1, s.Live.Pages.Count)),
        23 => new TimerCommand("reminder:commander"),
        24 => new TimerCommand("reminder:update"),
        25 => new TimerCommand("reminder:role:ops"),
        26 => new MessageCaptureCommand("slack", "m" + other.Id, other, Scenario.Start, "text", "pinned"),
        _ => new RoleCommand("deputy", UserArg.Me),
    };
}
