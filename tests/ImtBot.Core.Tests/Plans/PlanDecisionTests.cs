using ImtBot.Core.Commands;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Plans;
using ImtBot.Core.Tests.Incidents;

namespace ImtBot.Core.Tests.Plans;

/// <summary>The plan in the domain: picked by type, snapshotted, swapped, and its tasks' lifecycle and permissions.</summary>
public class PlanDecisionTests
{
    private static Scenario Declared(string? type = "outage")
    {
        var s = new Scenario { Plans = TestPlans.Catalog };
        s.Ok(People.Alice, new DeclareCommand("Checkout is down", 1, false) { Type = type });
        return s;
    }

    /// <summary>An incident that produces every plan event.</summary>
    internal static Scenario FullPlanIncident()
    {
        var s = Declared();
        s.Ok(People.Alice, new RoleCommand("commander", UserArg.Me));
        s.Ok(People.Alice, new TaskDoneCommand(1, null));
        s.Ok(People.Alice, new TaskSkipCommand(3, "no status page"));
        s.Ok(People.Alice, new TaskAssignCommand(2, People.Arg(People.Bob)));
        s.Ok(People.Alice, new TaskAddCommand("Call the vendor", null, 30));
        s.Ok(People.Alice, new TaskOverrideCommand("fixed before the checks"));
        s.Ok(People.Alice, new TypeCommand("breach"));

        // A plan with automatic steps: one runs (an update), one cannot (no on-call list for ops).
        s.Plans = new PlanCatalog([.. TestPlans.Catalog.Plans, TestPlans.Stepped]);
        s.Ok(People.Alice, new TypeCommand("stepped"));
        s.Fire(ImtBot.Core.Paging.TimerKeys.PlanStep("announce"));
        s.Fire(ImtBot.Core.Paging.TimerKeys.PlanStep("page-ops"));
        return s;
    }

    private static int NumberOf(Scenario s, string id) => s.Live.Tasks.Single(t => t.Task.Id == id).Number;

    [Fact]
    public void Declare_WithType_SnapshotsThePlanAsAnEvent()
    {
        var s = Declared();

        var declared = Assert.IsType<IncidentDeclared>(s.Events[0].Data);
        Assert.Equal("outage", declared.IncidentType);
        Assert.Equal(TestPlans.Outage, declared.Plan);
        Assert.Empty(s.Events.Select(e => e.Data).OfType<PlanAdopted>());
        Assert.Equal("outage", s.Live.Type);
        Assert.Equal(6, s.Live.Tasks.Count);
        Assert.Equal([1, 2, 3, 4, 5, 6], s.Live.Tasks.Select(t => t.Number));
        Assert.Contains("Plan: Service outage, 6 tasks", s.Decisions[0].Reply, StringComparison.Ordinal);
    }

    [Fact]
    public void Declare_WithoutType_TakesTheDefaultPlan()
    {
        var s = Declared(type: null);

        Assert.Equal("default", s.Live.Type);
        Assert.Equal("General incident", s.Live.Plan!.Title);
    }

    [Fact]
    public void Declare_WithoutPlansOrType_RecordsNoPlan()
    {
        var s = Scenario.Declared();

        Assert.Null(Assert.IsType<IncidentDeclared>(s.Events[0].Data).Plan);
        Assert.Empty(s.Live.Tasks);
    }

    [Fact]
    public void Declare_UnknownType_IsRejectedNamingTheKnownTypes()
    {
        var s = new Scenario { Plans = TestPlans.Catalog };

        var d = s.No(People.Alice, new DeclareCommand("Checkout is down", 1, false) { Type = "meteor" });

        Assert.Equal("There is no incident type `meteor`: use one of `breach`, `default`, `outage`, `security-breach`, `service-outage` (each has a plan in the plans folder).", d.Reply);
    }

    [Fact]
    public void SnapshotRule_ALaterEditOfThePlan_NeverChangesThePastIncident()
    {
        var s = Declared();
        var edited = TestPlans.Outage with { Title = "Service outage v2", Tasks = [TestPlans.Task("only", PlanPhases.Assess, "ops")] };
        s.Plans = new PlanCatalog([edited, TestPlans.Default]);

        // A later declaration uses the edit; the first incident, replayed from its events, keeps its snapshot.
        var replayed = Incident.Replay(s.Events);
        Assert.Equal("Service outage", replayed.Plan!.Title);
        Assert.Equal(6, replayed.Tasks.Count);
        var next = new Scenario { Plans = s.Plans, Number = 43 };
        next.Ok(People.Alice, new DeclareCommand("Again", 1, false) { Type = "outage" });
        Assert.Equal("Service outage v2", next.Live.Plan!.Title);
    }

    [Fact]
    public void TypeChange_SwapsThePlan_FinishedTasksStay_NumbersAreNeverReused()
    {
        var s = Declared();
        s.Ok(People.Alice, new RoleCommand("commander", UserArg.Me));
        s.Ok(People.Alice, new TaskDoneCommand(NumberOf(s, "take-command"), null));
        s.Ok(People.Alice, new TaskSkipCommand(NumberOf(s, "status-page"), "no public status page for this"));

        var d = s.Ok(People.Alice, new TypeCommand("breach"));

        Assert.Equal("INC-42 is now of type `breach`: plan \"Security breach\" (2 new tasks, 2 finished tasks kept). `/incident plan` shows the checklist.", d.Reply);
        Assert.Equal("outage", Assert.Single(Scenario.EventsOf<PlanAdopted>(d)).From);
        Assert.Equal("Security breach", s.Live.Plan!.Title);
        var tasks = s.Live.Tasks;
        Assert.Equal(["take-command", "status-page", "preserve-evidence", "notify-legal"], tasks.Select(t => t.Task.Id));
        Assert.Equal(TaskState.Done, tasks[0].State);
        Assert.Equal(TaskState.Skipped, tasks[1].State);
        Assert.Equal([7, 8], tasks.Skip(2).Select(t => t.Number));
        Assert.Equal([("outage", "service-outage"), ("breach", "security-breach")], s.Live.TypeHistory.Select(h => (h.Type, h.PlanId)));
    }

    [Fact]
    public void TypeChange_ByAnyoneButTheCommander_IsRefused()
    {
        var s = Declared();
        s.Ok(People.Alice, new RoleCommand("commander", UserArg.Me));

        s.No(People.Bob, new TypeCommand("breach"));
        s.No(People.Alice, new TypeCommand("meteor"));
        s.No(People.Alice, new TypeCommand("outage"));
    }

    [Fact]
    public void RequiredTasks_BlockResolve_ReviewTasksBlockOnlyClose()
    {
        var s = Declared();
        s.Ok(People.Alice, new RoleCommand("commander", UserArg.Me));

        var blocked = s.No(People.Alice, new TransitionCommand(IncidentStatus.Resolved, null));
        Assert.StartsWith("INC-42 cannot be resolved yet: 3 required tasks are open (1 Task take-command; 2 Task blast-radius; 5 Task verify).", blocked.Reply, StringComparison.Ordinal);
        Assert.Contains("`/incident task skip 1 <reason>`", blocked.Reply, StringComparison.Ordinal);

        s.Ok(People.Alice, new TaskDoneCommand(1, null));
        s.Ok(People.Alice, new TaskDoneCommand(2, "EU only"));
        s.Ok(People.Alice, new TaskSkipCommand(5, "customers confirmed recovery"));
        s.Ok(People.Alice, new TransitionCommand(IncidentStatus.Resolved, null));

        var close = s.No(People.Alice, new CloseCommand());
        Assert.StartsWith("INC-42 cannot be closed yet: 1 required task is open (6 Task schedule-review).", close.Reply, StringComparison.Ordinal);
        s.Ok(People.Alice, new TaskDoneCommand(6, null));
        s.Ok(People.Alice, new CloseCommand());
    }

    [Fact]
    public void Override_ByTheCommander_IsRecordedAndUnblocks_OthersAreRefused()
    {
        var s = Declared();
        s.Ok(People.Alice, new RoleCommand("commander", UserArg.Me));

        s.No(People.Bob, new TaskOverrideCommand("let me"));
        s.No(People.Alice, new TaskOverrideCommand(" "));
        var d = s.Ok(People.Alice, new TaskOverrideCommand("service restored, the checks happen in the review"));

        var overridden = Assert.Single(Scenario.EventsOf<PlanOverridden>(d));
        Assert.Equal(["take-command", "blast-radius", "verify", "schedule-review"], overridden.TaskIds);
        Assert.Equal("service restored, the checks happen in the review", Assert.Single(s.Live.PlanOverrides).Reason);
        s.Ok(People.Alice, new TransitionCommand(IncidentStatus.Resolved, null));
        s.Ok(People.Alice, new CloseCommand());
    }

    [Fact]
    public void Override_ByAnAdmin_IsAllowed()
    {
        var s = Declared();
        s.Ok(People.Alice, new RoleCommand("commander", UserArg.Me));

        s.Ok(People.Admin, new TaskOverrideCommand("incident merged into INC-41"));
    }

    [Fact]
    public void TaskDone_ByTheRoleHolderOrCommander_OthersAreRefused()
    {
        var s = Declared();
        s.Ok(People.Alice, new RoleCommand("commander", UserArg.Me));
        s.Ok(People.Bob, new RoleCommand("ops", UserArg.Me));

        var refused = s.No(People.Carol, new TaskDoneCommand(2, null));
        Assert.Equal("Task 2 is for Bob (ops): they or the commander can mark done it. Ask them, or have it given to you with `/incident task assign 2 me`.", refused.Reply.Replace("@", "", StringComparison.Ordinal));
        s.Ok(People.Bob, new TaskDoneCommand(2, null));
        s.Ok(People.Alice, new TaskDoneCommand(3, null));
        Assert.Equal("Task 3 of INC-42 is done already (Alice, 09:00 UTC).", s.No(People.Alice, new TaskDoneCommand(3, null)).Reply.Replace("@", "", StringComparison.Ordinal));
        Assert.StartsWith("INC-42 has no task 99", s.No(People.Alice, new TaskDoneCommand(99, null)).Reply, StringComparison.Ordinal);
    }

    [Fact]
    public void TaskSkip_NeedsAReason()
    {
        var s = Declared();

        var d = s.No(People.Alice, new TaskSkipCommand(3, " "));

        Assert.Equal("Say why task 3 is skipped: `/incident task skip 3 <reason>`.", d.Reply);
    }

    [Fact]
    public void TaskAssign_NotifiesTheNewOwner_WhoMayThenFinishIt()
    {
        var s = Declared();
        s.Ok(People.Alice, new RoleCommand("commander", UserArg.Me));

        s.Ok(People.Bob, new RoleCommand("ops", UserArg.Me));
        var d = s.Ok(People.Alice, new TaskAssignCommand(4, People.Arg(People.Carol)));

        var notice = Assert.Single(Scenario.Of<NotifyUser>(d));
        Assert.Equal(People.Carol, notice.To);
        Assert.Equal(People.Carol, s.Live.TaskOwner(s.Live.TaskNumber(4)!));
        s.Ok(People.Carol, new TaskDoneCommand(4, null));
        s.No(People.Dave, new TaskAssignCommand(2, UserArg.Me));
        s.Ok(People.Dave, new TaskAssignCommand(3, UserArg.Me));
    }

    [Fact]
    public void TaskAdd_JoinsTheCurrentPhase_DueFromNow()
    {
        var s = Declared();
        s.Advance(TimeSpan.FromMinutes(10));

        var d = s.Ok(People.Bob, new TaskAddCommand("Check replica lag", People.Arg(People.Carol), 15));

        Assert.Equal("Task 7 added to INC-42 (Assess, Carol, due 09:25 UTC).", d.Reply.Replace("@", "", StringComparison.Ordinal));
        var task = s.Live.TaskNumber(7)!;
        Assert.True(task.Custom);
        Assert.Equal(Scenario.Start.AddMinutes(25), s.Live.DueAt(task));
        Assert.Single(Scenario.Of<NotifyUser>(d));
    }

    [Fact]
    public void DueTimes_CountFromDeclarationOrPhase_AndOverdueShowsInProgress()
    {
        var s = Declared();
        var live = s.Live;
        Assert.Equal(Scenario.Start.AddMinutes(5), live.DueAt(live.TaskNumber(1)!));
        Assert.Null(live.DueAt(live.TaskNumber(4)!));
        Assert.Equal("Assess 0/3", PlanText.Progress(live, s.Clock.GetUtcNow()));

        s.Advance(TimeSpan.FromMinutes(20));
        s.Ok(People.Alice, new TransitionCommand(IncidentStatus.Investigating, null));

        Assert.Equal(Scenario.Start.AddMinutes(35), s.Live.DueAt(s.Live.TaskNumber(4)!));
        Assert.Equal("Respond 0/1 · 3 overdue", PlanText.Progress(s.Live, s.Clock.GetUtcNow()));
        s.Ok(People.Alice, new TaskDoneCommand(1, null));
        s.Ok(People.Alice, new TaskDoneCommand(2, null));
        s.Ok(People.Alice, new TaskDoneCommand(3, null));
        Assert.Equal("Respond 0/1", PlanText.Progress(s.Live, s.Clock.GetUtcNow()));
        s.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal("Respond 0/1 · 1 overdue", PlanText.Progress(s.Live, s.Clock.GetUtcNow()));
    }

    [Fact]
    public void Replay_ThroughJson_RebuildsTheSameChecklist()
    {
        var s = FullPlanIncident();

        var replayed = Incident.Replay(StateFingerprint.RoundTrip(s.Events));

        Assert.Equal(s.Live.Tasks, replayed.Tasks);
        Assert.True(s.Live.Plan!.SameAs(replayed.Plan));
    }

    [Fact]
    public void Checklist_ShowsPhasesOwnersAndDueTimes()
    {
        var s = Declared();
        s.Ok(People.Alice, new RoleCommand("commander", UserArg.Me));
        s.Ok(People.Alice, new TaskDoneCommand(1, null));

        var text = PlanText.Checklist(s.Live, s.Clock.GetUtcNow()).Replace("@", "", StringComparison.Ordinal);

        Assert.StartsWith("INC-42 · type outage · plan \"Service outage\"\n*Assess* 1/3 (now)\n[x] 1. Task take-command — Alice · done by Alice 09:00 UTC\n[ ] 2. Task blast-radius — ops · due 09:15 UTC · required\n", text, StringComparison.Ordinal);
        Assert.Contains("*Review* 0/1\n[ ] 6. Task schedule-review — Alice · required\n", text, StringComparison.Ordinal);
    }
}
