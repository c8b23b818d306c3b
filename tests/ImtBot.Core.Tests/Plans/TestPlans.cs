using ImtBot.Core.Plans;

namespace ImtBot.Core.Tests.Plans;

/// <summary>Small plans built in code: an outage plan with required tasks in several phases, a breach plan, a default.</summary>
internal static class TestPlans
{
    public static PlanTask Task(string id, string phase, string owner, int? due = null, bool required = false, string from = PlanDueFrom.Declared) =>
        new(id, phase, $"Task {id}", owner, due, from, required, null, null);

    public static ResponsePlan Outage { get; } = new("service-outage", "Service outage", "Restore first.", ["outage"], null, null,
    [
        Task("take-command", PlanPhases.Assess, "commander", 5, required: true),
        Task("blast-radius", PlanPhases.Assess, "ops", 15, required: true),
        Task("status-page", PlanPhases.Assess, "comms", 15),
        Task("rollback", PlanPhases.Respond, "ops", 15, from: PlanDueFrom.Phase),
        Task("verify", PlanPhases.Recover, "ops", 30, required: true, from: PlanDueFrom.Phase),
        Task("schedule-review", PlanPhases.Review, "commander", 1440, required: true, from: PlanDueFrom.Phase),
    ]);

    public static ResponsePlan Breach { get; } = new("security-breach", "Security breach", "Contain and preserve.", ["breach"], null, null,
    [
        Task("take-command", PlanPhases.Assess, "commander", 5, required: true),
        Task("preserve-evidence", PlanPhases.Assess, "ops", 30, required: true),
        Task("notify-legal", PlanPhases.Assess, "commander", 60, required: true),
    ]);

    public static ResponsePlan Default { get; } = new("default", "General incident", "The basics.", [], null, null,
    [
        Task("scope", PlanPhases.Assess, "commander", 15),
    ]);

    /// <summary>Two assess tasks with automatic steps: an update and a page of ops.</summary>
    public static ResponsePlan Stepped { get; } = new("stepped", "Stepped", "Steps the bot runs.", [], null, null,
    [
        Task("announce", PlanPhases.Assess, "comms") with { Auto = new PlanAutomation(PlanAutomation.Update, null, "{key} is being worked on.") },
        Task("page-ops", PlanPhases.Assess, "commander") with { Auto = new PlanAutomation(PlanAutomation.Page, "ops", null) },
    ]);

    public static PlanCatalog Catalog { get; } = new([Breach, Default, Outage]);
}
