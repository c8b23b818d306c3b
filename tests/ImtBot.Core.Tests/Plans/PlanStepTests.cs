using ImtBot.Core.Commands;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Paging;
using ImtBot.Core.Plans;
using ImtBot.Core.Platforms;
using ImtBot.Core.Tests.Incidents;

namespace ImtBot.Core.Tests.Plans;

/// <summary>
/// Automatic plan steps in the domain, on a fake clock: entering a phase schedules each step at once; the timer runs it
/// by the bot through the same decision as the typed command, marks the task done, and never runs it twice.
/// </summary>
public class PlanStepTests
{
    private static PlanTask Step(string id, string phase, string kind, string arg) =>
        new(id, phase, $"Task {id}", "commander", null, PlanDueFrom.Declared, false, null,
            kind is PlanAutomation.Page or PlanAutomation.OnCall ? new PlanAutomation(kind, arg, null) : new PlanAutomation(kind, null, arg));

    private static readonly ResponsePlan Auto = new("auto", "Automatic", "Steps the bot runs.", ["auto"], null, null,
    [
        Step("page-ops", PlanPhases.Detect, PlanAutomation.Page, "ops"),
        Step("first-update", PlanPhases.Assess, PlanAutomation.Update, "{key} {severity}: investigating \"{title}\" ({type}, {status})."),
        Step("comms-oncall", PlanPhases.Assess, PlanAutomation.OnCall, "comms"),
        Step("gdpr", PlanPhases.Assess, PlanAutomation.Clock, "gdpr"),
        Step("recover-update", PlanPhases.Recover, PlanAutomation.Update, "{key} is mitigated; {commander} leads."),
    ]);

    /// <summary>Shares <c>page-ops</c> with <see cref="Auto"/> and adds a step of its own.</summary>
    private static readonly ResponsePlan Other = new("other", "Other", "Another plan.", ["other"], null, null,
    [
        Step("page-ops", PlanPhases.Detect, PlanAutomation.Page, "ops"),
        Step("scribe-oncall", PlanPhases.Assess, PlanAutomation.OnCall, "scribe"),
        Step("later-update", PlanPhases.Respond, PlanAutomation.Update, "{key}: working on it."),
    ]);

    private static Scenario Declared(bool drill = false, bool lists = true)
    {
        var s = new Scenario { Plans = new PlanCatalog([Auto, Other]) };
        if (lists)
        {
            s.OnCall["ops"] = [People.Bob, People.Carol];
            s.OnCall["comms"] = [People.Dave];
            s.OnCall["scribe"] = [People.Erin];
        }

        s.Ok(People.Alice, new DeclareCommand("Checkout is down", 1, drill) { Type = "auto" });
        return s;
    }

    private static string[] StepTimers(Decision d) =>
        Scenario.Of<ScheduleTimer>(d).Where(t => TimerKeys.TryParsePlanStep(t.TimerKey, out _)).Select(t => t.TimerKey).ToArray();

    private static IncidentTask TaskOf(Scenario s, string id) => s.Live.Tasks.Single(t => t.Task.Id == id);

    [Fact]
    public void Declare_SchedulesTheStepsOfDetectAndAssess_DueAtOnce()
    {
        var s = Declared();

        var declared = s.Decisions[0];
        Assert.Equal(["plan:step:page-ops", "plan:step:first-update", "plan:step:comms-oncall", "plan:step:gdpr"], StepTimers(declared));
        Assert.All(Scenario.Of<ScheduleTimer>(declared).Where(t => t.TimerKey.StartsWith("plan:step:", StringComparison.Ordinal)), t => Assert.Equal(Scenario.Start, t.DueAt));
        Assert.Contains("Automatic steps now: page ops, post a stakeholder update, give comms to the person on call, start the gdpr clocks.", declared.Reply, StringComparison.Ordinal);
        Assert.Contains("automatic: page ops", PlanText.Checklist(s.Live, s.Clock.GetUtcNow()), StringComparison.Ordinal);
    }

    [Fact]
    public void PageStep_PagesTheRolesOnCallList_ByTheBot_AndMarksTheTaskDone()
    {
        var s = Declared();

        var d = s.Fire(TimerKeys.PlanStep("page-ops"));

        var sent = Assert.Single(Scenario.EventsOf<PageSent>(d));
        Assert.Equal(People.Bob, sent.To);
        Assert.Equal("ops", sent.Role);
        Assert.Single(Scenario.Of<SendPage>(d));
        Assert.Contains(Scenario.Of<ScheduleTimer>(d), t => t.TimerKey == TimerKeys.Page(sent.PageId));
        Assert.Equal(new PlanStepRan("page-ops", "page", "paged @Bob (ops on call)"), Assert.IsType<PlanStepRan>(d.Events[0]));
        var task = TaskOf(s, "page-ops");
        Assert.Equal(TaskState.Done, task.State);
        Assert.Equal(UserRef.System, task.By);
        Assert.Equal("paged @Bob (ops on call)", task.Note);
        Assert.All(s.Events.Skip(s.Events.Count - d.Events.Count), e => Assert.Equal(UserRef.System, e.Actor));
        Assert.Equal("Task 1 of INC-42 done by the response plan: paged @Bob (ops on call).", d.Reply);
    }

    [Fact]
    public void PageStep_EscalatesLikeAnyPage()
    {
        var s = Declared();
        var sent = Scenario.EventsOf<PageSent>(s.Fire(TimerKeys.PlanStep("page-ops"))).Single();

        s.Advance(s.Live.Policy.PageTimeout);
        var expired = s.Fire(TimerKeys.Page(sent.PageId));

        Assert.Equal(People.Carol, Scenario.EventsOf<PageSent>(expired).Single().To);
    }

    [Fact]
    public void UpdateOnCallAndClockSteps_RunAsTheirCommandsDo()
    {
        var s = Declared();

        var update = s.Fire(TimerKeys.PlanStep("first-update"));
        var oncall = s.Fire(TimerKeys.PlanStep("comms-oncall"));
        var clock = s.Fire(TimerKeys.PlanStep("gdpr"));

        const string text = "INC-42 SEV1: investigating \"Checkout is down\" (auto, declared).";
        Assert.Equal(text, Scenario.EventsOf<UpdatePosted>(update).Single().Text);
        Assert.Equal(new PostStatusUpdate(text, UserRef.System), Scenario.Of<PostStatusUpdate>(update).Single());
        Assert.Equal(People.Dave, s.Live.Holder("comms"));
        Assert.Contains(Scenario.Of<NotifyUser>(oncall), n => n.To == People.Dave && n.Text.Contains("You are now comms on INC-42", StringComparison.Ordinal));
        Assert.Contains(Scenario.Of<InviteUsers>(oncall), i => i.Users.Contains(People.Dave));
        var started = Scenario.EventsOf<RegimeStarted>(clock).Single();
        Assert.Equal("gdpr", started.Regime);
        Assert.Equal(Scenario.Start, started.AwareAt);
        Assert.StartsWith("started by the response plan (task 4", started.Reason, StringComparison.Ordinal);
        Assert.Contains(Scenario.Of<ScheduleTimer>(clock), t => t.TimerKey == IncidentDecider.ComplianceTimer);
        Assert.All(new[] { "first-update", "comms-oncall", "gdpr" }, id => Assert.Equal(TaskState.Done, TaskOf(s, id).State));
        Assert.Equal("clock gdpr", PlanText.Step(Auto.Tasks[3].Auto!));
    }

    [Fact]
    public void AStepRunsOnce_ARepeatedTimerDoesNothing()
    {
        var s = Declared();
        s.Fire(TimerKeys.PlanStep("page-ops"));
        s.Fire(TimerKeys.PlanStep("first-update"));
        var count = s.Events.Count;

        var again = s.Fire(TimerKeys.PlanStep("page-ops"));
        var update = s.Fire(TimerKeys.PlanStep("first-update"));

        Assert.Empty(again.Events);
        Assert.Empty(again.Effects);
        Assert.Empty(update.Events);
        Assert.Equal(count, s.Events.Count);
        Assert.Single(s.Live.Updates);
    }

    [Fact]
    public void AFailingStep_LeavesTheTaskOpenWithAVisibleNote_AndIsNotRetried()
    {
        var s = Declared(lists: false);

        var d = s.Fire(TimerKeys.PlanStep("page-ops"));

        var failed = Scenario.EventsOf<PlanStepFailed>(d).Single();
        Assert.StartsWith("There is no on-call list for ops", failed.Problem, StringComparison.Ordinal);
        Assert.Empty(Scenario.EventsOf<PageSent>(d));
        Assert.True(TaskOf(s, "page-ops").IsOpen);
        var post = Scenario.Of<PostToChannel>(d).Single().Text;
        Assert.StartsWith("The response plan could not page ops for task 1 of INC-42 (Task page-ops): There is no on-call list for ops", post, StringComparison.Ordinal);
        Assert.EndsWith("Do it by hand, then `/incident task INC-42 done 1`.", post, StringComparison.Ordinal);
        Assert.Contains("automatic step failed: There is no on-call list for ops", PlanText.Checklist(s.Live, s.Clock.GetUtcNow()), StringComparison.Ordinal);
        Assert.Empty(s.Fire(TimerKeys.PlanStep("page-ops")).Events);

        // The task is a person's now, and they can finish it.
        s.Ok(People.Alice, new RoleCommand("commander", UserArg.Me));
        s.Ok(People.Alice, new TaskDoneCommand(1, "paged Bob by phone"));
    }

    [Fact]
    public void EnteringALaterPhase_RunsItsSteps_AndReenteringItDoesNot()
    {
        var s = Declared();
        s.Ok(People.Alice, new RoleCommand("commander", UserArg.Me));

        var investigating = s.Ok(People.Alice, new TransitionCommand(IncidentStatus.Investigating, null));
        var mitigated = s.Ok(People.Alice, new TransitionCommand(IncidentStatus.Mitigated, null));

        Assert.Empty(StepTimers(investigating));
        Assert.Equal(["plan:step:recover-update"], StepTimers(mitigated));
        var ran = s.Fire(TimerKeys.PlanStep("recover-update"));
        Assert.Equal("INC-42 is mitigated; @Alice leads.", Scenario.EventsOf<UpdatePosted>(ran).Single().Text);

        s.Ok(People.Alice, new TransitionCommand(IncidentStatus.Investigating, null));
        var again = s.Ok(People.Alice, new TransitionCommand(IncidentStatus.Mitigated, null));
        Assert.Empty(StepTimers(again));
        Assert.Empty(s.Fire(TimerKeys.PlanStep("recover-update")).Events);
    }

    [Fact]
    public void TypeChange_RunsTheNewPlansStepsInEnteredPhases_OnlyWhenNotTriedOrDone()
    {
        var s = Declared();
        s.Ok(People.Alice, new RoleCommand("commander", UserArg.Me));
        s.Fire(TimerKeys.PlanStep("page-ops"));

        var changed = s.Ok(People.Alice, new TypeCommand("other"));

        // page-ops ran already (and its task is done); scribe-oncall is new and its phase is entered; respond is not entered yet.
        Assert.Equal(["plan:step:scribe-oncall"], StepTimers(changed));
        Assert.Empty(s.Fire(TimerKeys.PlanStep("page-ops")).Events);
        s.Fire(TimerKeys.PlanStep("scribe-oncall"));
        Assert.Equal(People.Erin, s.Live.Holder("scribe"));

        // The old plan's pending steps left with its open tasks: their timers find nothing to run.
        Assert.Empty(s.Fire(TimerKeys.PlanStep("first-update")).Events);

        // Back to the first plan: only the steps never tried are scheduled again.
        var back = s.Ok(People.Alice, new TypeCommand("auto"));
        Assert.Equal(["plan:step:first-update", "plan:step:comms-oncall", "plan:step:gdpr"], StepTimers(back));
        Assert.Single(s.Live.Pages);
    }

    [Fact]
    public void InADrill_TheStepsRunMarkedAsDrill()
    {
        var s = Declared(drill: true);

        var page = s.Fire(TimerKeys.PlanStep("page-ops"));
        var update = s.Fire(TimerKeys.PlanStep("first-update"));

        Assert.StartsWith("🧪 DRILL", Scenario.Of<SendPage>(page).Single().Message, StringComparison.Ordinal);
        Assert.StartsWith("🧪 DRILL", Scenario.Of<PostStatusUpdate>(update).Single().Text, StringComparison.Ordinal);
        Assert.Equal(TaskState.Done, TaskOf(s, "first-update").State);
    }

    [Fact]
    public void ClockStep_ForARegimeDecidedNotToApply_FailsAndSaysSo()
    {
        var s = Declared();
        s.Ok(People.Alice, new NotRegulatedCommand("gdpr", "no personal data involved"));

        var d = s.Fire(TimerKeys.PlanStep("gdpr"));

        Assert.StartsWith("a decision on record says GDPR", Scenario.EventsOf<PlanStepFailed>(d).Single().Problem, StringComparison.Ordinal);
        Assert.Null(s.Live.Regime("gdpr"));
        Assert.True(TaskOf(s, "gdpr").IsOpen);
    }
}
