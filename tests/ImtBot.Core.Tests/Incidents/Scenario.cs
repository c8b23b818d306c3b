using ImtBot.Core.Commands;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Paging;
using ImtBot.Core.Plans;
using ImtBot.Core.Platforms;
using Microsoft.Extensions.Time.Testing;

namespace ImtBot.Core.Tests.Incidents;

/// <summary>
/// Drives <see cref="Incident.Decide"/> the way the service does, on a fake clock: accepted events are chained and
/// applied one by one to a live state, so a test can compare the live state with a replay.
/// </summary>
internal sealed class Scenario
{
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    public IncidentOptions Options { get; } = new() { Admins = ["root"] };

    public Dictionary<string, IReadOnlyList<UserRef>> OnCall { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ChannelRef Channel { get; set; } = new(PlatformNames.Console, "general");

    /// <summary>The drill scenarios the decisions may start.</summary>
    public ImtBot.Core.Drills.DrillCatalog Drills { get; set; } = ImtBot.Core.Drills.DrillCatalog.Empty;

    public Incident? State { get; private set; }

    public Incident Live => State ?? throw new InvalidOperationException("nothing declared");

    public List<IncidentEvent> Events { get; } = [];

    /// <summary>Every decision taken, accepted or not, in order.</summary>
    public List<Decision> Decisions { get; } = [];

    public int Number { get; set; } = 42;

    /// <summary>The response plans a declaration or a type change reads.</summary>
    public PlanCatalog Plans { get; set; } = PlanCatalog.Empty;

    public static Scenario Declared(UserRef? by = null, int severity = 2)
    {
        var s = new Scenario();
        s.Ok(by ?? People.Alice, new DeclareCommand("Checkout is failing", severity, false));
        return s;
    }

    public Decision Do(UserRef actor, Command command)
    {
        var context = new CommandContext(actor, Channel, Clock.GetUtcNow(), Options, Number, OnCall) { Plans = Plans, Drills = Drills };
        var decision = IncidentDecider.Decide(State, command, context);

        // The service numbers outbox keys by event sequence, so a decision with effects must have events.
        Assert.True(decision.Effects.Count == 0 || decision.Events.Count > 0, $"{command} has effects but no events");
        if (decision.Accepted && decision.Events.Count > 0)
        {
            var earliest = ReminderSchedule.Earliest(State, Options.MaxReminders);
            State ??= new Incident();
            foreach (var data in decision.Events)
            {
                var e = EventChain.Append(State.Head, Number, State.Version + 1, Clock.GetUtcNow(), actor, data);
                Events.Add(e);
                State.Apply(e);
            }

            // As the service does once the events are folded: the reminder timer, armed where the decision moved it.
            decision = IncidentDecider.WithReminderTimer(earliest, State, decision, Options);
            Timers.AddRange(decision.Effects.OfType<ScheduleTimer>());
        }

        Decisions.Add(decision);
        return decision;
    }

    /// <summary>Runs a command that must be accepted.</summary>
    public Decision Ok(UserRef actor, Command command)
    {
        var d = Do(actor, command);
        Assert.True(d.Accepted, $"expected {command} by {actor} to be accepted, got: {d.Reply}");
        return d;
    }

    /// <summary>Runs a command that must be rejected, and checks it changed nothing.</summary>
    public Decision No(UserRef actor, Command command)
    {
        var before = Events.Count;
        var d = Do(actor, command);
        Assert.False(d.Accepted, $"expected {command} by {actor} to be rejected");
        Assert.False(string.IsNullOrWhiteSpace(d.Reply));
        Assert.Empty(d.Events);
        Assert.Empty(d.Effects);
        Assert.Equal(before, Events.Count);
        return d;
    }

    public Decision Fire(string timerKey) => Ok(UserRef.System, new TimerCommand(timerKey));

    public void Advance(TimeSpan by) => Clock.Advance(by);

    /// <summary>The timers the accepted decisions armed that <see cref="Wait"/> has not fired yet (what the outbox holds).</summary>
    public List<ScheduleTimer> Timers { get; } = [];

    /// <summary>
    /// Lets time pass as the dispatcher would: the clock moves to each armed timer due within <paramref name="by"/>,
    /// earliest first, and fires it there (timers those firings arm are fired too when due in time); then to the end.
    /// </summary>
    public IReadOnlyList<Decision> Wait(TimeSpan by)
    {
        var until = Clock.GetUtcNow() + by;
        var fired = new List<Decision>();
        while (Timers.Where(t => t.DueAt <= until).OrderBy(t => t.DueAt).FirstOrDefault() is { } next)
        {
            Timers.Remove(next);
            if (next.DueAt > Clock.GetUtcNow())
            {
                Clock.SetUtcNow(next.DueAt);
            }

            fired.Add(Fire(next.TimerKey));
        }

        Clock.SetUtcNow(until);
        return fired;
    }

    /// <summary>The effects of type <typeparamref name="T"/> of these decisions, in order.</summary>
    public static IReadOnlyList<T> Of<T>(IEnumerable<Decision> decisions) where T : Effect => decisions.SelectMany(Of<T>).ToArray();

    /// <summary>The reminders sent by these decisions, in order.</summary>
    public static IReadOnlyList<ReminderSent> Reminded(IEnumerable<Decision> decisions) => decisions.SelectMany(EventsOf<ReminderSent>).ToArray();

    public static IReadOnlyList<T> Of<T>(Decision d) where T : Effect => d.Effects.OfType<T>().ToArray();

    public static IReadOnlyList<T> EventsOf<T>(Decision d) where T : EventData => d.Events.OfType<T>().ToArray();
}
