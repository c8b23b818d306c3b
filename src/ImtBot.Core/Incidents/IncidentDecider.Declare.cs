using ImtBot.Core.Commands;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Paging;

namespace ImtBot.Core.Incidents;

public static partial class IncidentDecider
{
    private const int MaxTitleLength = 200;

    private static Decision Declare(DeclareCommand command, CommandContext context)
    {
        var title = command.Title.Trim();
        if (title.Length == 0)
        {
            return Decision.Reject("Give the incident a title: `/incident declare <title> [sev1..sev4] [drill]`, e.g. `/incident declare Checkout is failing sev2`.");
        }

        if (command.Private && PrivateRefusal(context) is { } refusal)
        {
            return Decision.Reject(refusal);
        }

        var (assessed, severity, problem) = Assess(command, context.Options);
        if (problem is not null)
        {
            return Decision.Reject(problem);
        }

        return DeclareNew(title, severity, command.Drill ? IncidentKind.Drill : IncidentKind.Normal, null, context, command.Type, command.Private, assessed);
    }

    /// <summary>A drill runs a loaded scenario; with no scenarios loaded it declares a Drill-kind incident titled by the name given.</summary>
    private static Decision Drill(DrillCommand command, CommandContext context)
    {
        var scenario = command.Scenario.Trim();
        if (scenario.Length == 0)
        {
            return Decision.Reject("Name the drill's scenario: `/incident drill <scenario>`, e.g. `/incident drill database-failover`.");
        }

        if (context.Drills.Find(scenario) is { } found)
        {
            return StartDrill(found, command, context);
        }

        if (context.Drills.Scenarios.Count > 0)
        {
            var ids = string.Join(", ", context.Drills.Scenarios.Select(s => s.Id).Order(StringComparer.Ordinal));
            return Decision.Reject($"There is no drill scenario \"{scenario}\": use one of {ids} (`/incident drill` describes them).");
        }

        return DeclareNew(scenario, null, IncidentKind.Drill, scenario, context);
    }

    /// <param name="type">The incident type, which picks the response plan; null: <c>default</c>.</param>
    /// <param name="isPrivate">Visible only to its participants and admins; announced by number and severity only.</param>
    /// <param name="assessed">The declaration's assessment, recorded right after the declaration; null when not assessed.</param>
    private static Decision DeclareNew(string title, int? severity, IncidentKind kind, string? scenario, CommandContext context, string? type = null, bool isPrivate = false, IncidentAssessed? assessed = null)
    {
        if (title.Length > MaxTitleLength)
        {
            return Decision.Reject($"The title is {title.Length} characters long; keep it under {MaxTitleLength} and put the details in a note or an update.");
        }

        var options = context.Options;
        var level = severity ?? options.DefaultSeverity;
        if (!IsKnownSeverity(options, level))
        {
            return Decision.Reject($"There is no severity SEV{level}: use one of {string.Join(", ", KnownSeverities(options).Select(l => "sev" + l))}.");
        }

        var (adopted, unknownType) = PlanAtDeclaration(type, level, context);
        if (adopted is null)
        {
            return Decision.Reject(unknownType!);
        }

        var policy = options.PolicyFor(level);
        var key = IncidentKey.Format(context.NewNumber);
        var now = context.Now;
        var drill = kind == IncidentKind.Drill ? "DRILL " : "";
        var roles = options.Roles.Count > 0 ? options.Roles.ToArray() : ["commander"];
        var keyRoles = options.KeyRoles.Where(r => roles.Contains(r, StringComparer.OrdinalIgnoreCase)).ToArray();
        var events = new List<EventData>
        {
            new IncidentDeclared(title, level, kind, context.Channel, policy, roles, keyRoles, options.Admins.ToArray(), scenario)
            {
                PageRounds = options.PageRounds,

                // No plan configured and no type asked for: nothing to snapshot, the incident runs without a checklist.
                IncidentType = type is not null || adopted.Plan.Tasks.Count > 0 ? adopted.IncidentType : null,
                Plan = type is not null || adopted.Plan.Tasks.Count > 0 ? adopted.Plan : null,
                Private = isPrivate ? true : null,
            },
            new ParticipantJoined(context.Actor),
        };
        if (assessed is not null)
        {
            events.Insert(1, assessed);
        }

        var effects = new List<Effect>
        {
            new OpenChannel(),
            new SyncIncidentCard(),
            new Announce(isPrivate ? PrivateAnnouncement(drill + key, policy.Name) : $"{drill}{key} declared by {context.Actor}: {title} ({policy.Name})"),
        };

        // The reminder timer (empty roles, the update cadence, the plan's tasks) is armed from the declared state:
        // WithReminderTimer.
        effects.AddRange(DeclarationPlanSteps(((IncidentDeclared)events[0]).Plan, now));
        var paged = PageOnDeclare(key, title, policy, roles, context, events, effects);
        return Decision.Accept(
            $"{drill}{key} declared: {title} ({policy.Name}). Its channel is being opened; take command with `/incident lead`.{AssessmentSentence(assessed)}{PlanSentence(adopted)}{StepsSentence(((IncidentDeclared)events[0]).Plan)}{paged}",
            events,
            effects);
    }

    /// <summary>Pages the first on-call person of each role the severity's policy says must be paged at once.</summary>
    private static string PageOnDeclare(string key, string title, SeverityPolicy policy, string[] roles, CommandContext context, List<EventData> events, List<Effect> effects)
    {
        var said = new List<string>();
        foreach (var wanted in (policy.PageOnDeclare ?? []).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var role = roles.FirstOrDefault(r => string.Equals(r, wanted, StringComparison.OrdinalIgnoreCase)) ?? wanted.ToLowerInvariant();
            var list = context.OnCall.FirstOrDefault(kv => string.Equals(kv.Key, role, StringComparison.OrdinalIgnoreCase)).Value;
            if (list is not { Count: > 0 })
            {
                said.Add($"{policy.Name} pages the {role} on call, but there is no on-call list for {role} (`/incident oncall {role} @a @b`).");
                continue;
            }

            events.Add(new OnCallListSet(role, list.ToArray()));
            var id = PageId(events.OfType<PageSent>().Count() + 1);
            SendPageTo(id, policy.PageTimeout, list[0], role, $"{key} declared: {title} ({policy.Name})", 1, null, context.Now, events, effects);
            said.Add($"Paging {list[0]} ({role} on call).");
        }

        return said.Count == 0 ? "" : " " + string.Join(' ', said);
    }

    /// <summary>The severities configured (<c>SEV1</c>…), or 1–4 when none is.</summary>
    public static IReadOnlyList<int> KnownSeverities(IncidentOptions options)
    {
        var levels = options.Policies.Keys
            .Select(k => k.StartsWith("SEV", StringComparison.OrdinalIgnoreCase) && int.TryParse(k.AsSpan(3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0)
            .Where(n => n > 0)
            .Order()
            .ToArray();
        return levels.Length > 0 ? levels : [1, 2, 3, 4];
    }

    internal static bool IsKnownSeverity(IncidentOptions options, int level) => KnownSeverities(options).Contains(level);
}
