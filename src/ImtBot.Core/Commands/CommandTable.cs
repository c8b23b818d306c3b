using System.Collections.Frozen;

namespace ImtBot.Core.Commands;

/// <summary>
/// The one command table: the parser's usage messages, <see cref="CommandHelp"/>, the README and the help card all
/// come from these entries. Order is the order of the help text.
/// </summary>
public static class CommandTable
{
    /// <summary>How long <c>snooze</c> snoozes when no minutes are given.</summary>
    public static TimeSpan DefaultSnooze { get; } = TimeSpan.FromMinutes(30);

    /// <summary>The longest snooze, in minutes (one day).</summary>
    public const int MaxSnoozeMinutes = 1440;

    public static IReadOnlyList<CommandSpec> Entries { get; } =
    [
        new("declare", "declare <title> [sev1..sev4] [drill] [private] [type <name>] [question=answer …]", "Open an incident; the severity goes at the end (`sev2`, `sev 2`, `SEV-2` or `P2`); `type` picks its response plan; `private` shows it only to its participants and admins (on Teams, in a group chat with them); `data=yes customers=many` answer the assessment, and without a severity the severity matrix suggests it. No title: open the declare form.",
            ["declare Checkout is failing sev2", "declare Card numbers in debug logs data=yes customers=some", "declare \"Login slow for EU users\" sev3 drill", "declare Customer data in a public bucket sev1 type security-breach", "declare Payroll export leaked sev2 private", "declare"]) { TakesIncident = false },
        new("role", "role <role> <@user|me>", "Assign a role (the person is paged); a role is one word, e.g. commander, deputy, comms, ops, scribe.",
            ["role comms @bob", "role INC-42 ops me"]),
        new("lead", "lead", "Take command yourself (same as `role commander me`).", ["lead", "lead INC-42"]),
        new("page", "page <role|@user> [message]", "Page someone in chat; they acknowledge or decline.",
            ["page ops", "page @carol can you look at the database?"]),
        new("ack", "ack", "Acknowledge your open page (in the page's direct message, your one open page; with several, name the incident).", ["ack", "ack INC-42"]),
        new("decline", "decline", "Decline your open page (like `ack`).", ["decline", "decline INC-42"]),
        new("sev", "sev <1-4> <reason>", "Change the severity (`2`, `sev2` or `P2`; a reason is required).",
            ["sev 1 all regions affected", "sev INC-42 sev3 contained to one region"]),
        new("update", "update <text>", "Post a stakeholder status update (channel and announcements).",
            ["update Payments recovering, next update in 30 minutes"]),
        new("note", "note <text>", "Add a note to the timeline.", ["note Rolled back deploy 1234"]),
        new("investigating", "investigating [note]", "Move to Investigating.", ["investigating", "investigating INC-42 looking at the load balancer"]),
        new("identified", "identified [note]", "Move to Identified: the cause is known.", ["identified bad config push"]),
        new("mitigated", "mitigated [note]", "Move to Mitigated: the impact has stopped.", ["mitigated traffic moved to the standby"]),
        new("resolved", "resolved [note]", "Move to Resolved: the fix is in.", ["resolved", "resolved INC-42 config reverted"]),
        new("reopen", "reopen [reason]", "Reopen a resolved incident.", ["reopen errors are back"]),
        new("cancel", "cancel <reason>", "Cancel a false alarm.", ["cancel false alarm, monitoring glitch"]),
        new("close", "close", "Close the incident and write the review.", ["close", "close INC-42"]),
        new("action", "action <text> [@owner] [due <yyyy-mm-dd>]", "Add a follow-up action item.",
            ["action Add an alert on queue depth @dave due 2026-12-15", "action Write the runbook"]),
        new("action", "action done <n>", "Mark follow-up action n done.", ["action done 2", "action INC-42 done 1"]),
        new("action", "action assign <n> <@user|me>", "Give follow-up action n an owner (works after the close too).", ["action assign 2 @carol", "action INC-42 assign 1 me"]),
        new("action", "action cancel <n> [reason]", "Drop follow-up action n.", ["action cancel 3 covered by action 1"]),
        new("actions", "actions [@user|me|overdue]", "List the open follow-up actions of every incident, or one person's, or the overdue ones.",
            ["actions", "actions me", "actions overdue"]) { TakesIncident = false },
        new("handover", "handover <@user> <summary> [release]", "Hand command to someone with a summary; `release` frees you of the role.",
            ["handover @erin DB failover done, watching replication lag release"]),
        new("oncall", "oncall [<role> <@user>…]", "Show the on-call lists, or set a role's list (paged in order).",
            ["oncall", "oncall ops @bob @carol"]),
        new("status", "status", "Show the incident's status card.", ["status", "status INC-42"]),
        new("list", "list", "List the open incidents.", ["list"]) { TakesIncident = false },
        new("review", "review", "Show the post-incident review so far.", ["review", "review INC-42"]),
        new("impact", "impact <time> [text]", "Record when the impact began (UTC; may be before the declaration) and what it was.",
            ["impact 08:40 EU card payments failing", "impact INC-42 2026-11-27 08:40", "impact 25m ago"]),
        new("detected", "detected <time>", "Record when the problem was detected (UTC): the review's time to detect.", ["detected 08:52", "detected INC-42 10m ago"]),
        new("summary", "summary <text>", "Write the review's overview (again to replace it; works after the close).", ["summary Card payments failed for 40 minutes after a config push"]),
        new("cause", "cause <text>", "Write the review's contributing factors (the `identified` note is shown until then).", ["cause The gateway certificate expired; no alert watched its expiry"]),
        new("resolution", "resolution <text>", "Write how the impact was stopped and fixed.", ["resolution Traffic moved to the standby gateway, then the certificate was renewed"]),
        new("timeline", "timeline", "Show the timeline.", ["timeline INC-42"]),
        new("help", "help [command]", "Show this help, or one command's.", ["help", "help action"]) { TakesIncident = false },
        new("drill", "drill [<scenario> [@facilitator]]", "Start a practice incident from a scenario (DRILL everywhere, timed injects, a score); alone, list the scenarios.",
            ["drill database-failover", "drill ddos @carol", "drill"]) { TakesIncident = false },
        new("drill", "drill pause|resume|end|inject <n>", "Facilitator: stop or restart the drill clock, end the drill (score card, hot wash, report), or post inject n now.",
            ["drill pause", "drill inject 3", "drill end"]) { TakesIncident = false },
        new("snooze", "snooze <reminder> [minutes]", "Snooze a reminder (default 30 minutes, at most 1440).", ["snooze update 15", "snooze roles"]),
        new("type", "type <name>", "Change the incident's type: its response plan is swapped, finished tasks stay.", ["type security-breach", "type INC-42 service-outage"]),
        new("plan", "plan", "Show the response plan's checklist by phase, with owners and due times.", ["plan", "plan INC-42"]),
        new("task", "task done <n> [note]", "Mark checklist task n done.", ["task done 3", "task INC-42 done 2 status page updated"]),
        new("task", "task skip <n> <reason>", "Skip checklist task n, with the reason.", ["task skip 4 no customer data involved"]),
        new("task", "task assign <n> <@user|me>", "Give checklist task n to someone.", ["task assign 2 @bob", "task assign 5 me"]),
        new("task", "task add <text> [@owner] [due <duration>]", "Add a task to this incident's checklist (due like 15m, 2h).",
            ["task add Check replica lag @bob due 15m", "task add Tell the account team"]),
        new("task", "task override <reason>", "Commander or admin: let the open required tasks stop blocking resolve and close.",
            ["task override legal review happens in the post-incident review"]),
        new("regulated", "regulated <regime> [aware <time>] [reason]", "Put the incident under a regulatory regime (gdpr, nis2, dora, sec, hipaa): its clocks start from awareness, now or the UTC time given (a past time needs a reason).",
            ["regulated gdpr", "regulated nis2 aware 2026-11-27T08:30Z the SOC saw the exfiltration at 08:30"]),
        new("notregulated", "notregulated <regime> <reason>", "Record the decision that a regime does not apply, and why.",
            ["notregulated gdpr no personal data in the affected systems"]),
        new("classified", "classified major [reason]", "Record the classification as major (starts DORA's clocks).", ["classified major critical service down for all clients"]),
        new("material", "material [reason]", "Record the determination that the incident is material (starts the SEC 8-K clock).", ["material customer data of 2M users exposed"]),
        new("notified", "notified <regime> <stage> <reference> [note]", "Record a submission to a regulator: its reference, who and when.",
            ["notified gdpr notification DPA-2026-1234", "notified dora initial ECB-77 sent via the portal"]),
        new("compliance", "compliance", "Show every regulatory clock: deadlines (UTC), time left, submissions and decisions.", ["compliance", "compliance INC-42"]),
        new("hotwash", "hotwash <text>", "After a drill: say what went well, what was hard, or what to change (recorded in the after-action report).",
            ["hotwash paging worked, but nobody owned customer comms"]),
        new("training", "training [@user]", "Show the roles people held in drills and incidents, and who on call has not practised their role lately.",
            ["training", "training @bob", "training me"]) { TakesIncident = false },
        new("ack", "ack AP-<n>", "Acknowledge your page of an alert page (a `page <role>` alert route pages without an incident).", ["ack AP-3"]),
        new("decline", "decline AP-<n>", "Decline your page of an alert page: the next person on the on-call list is paged.", ["decline AP-3"]),
        new("declare", "declare AP-<n> [sev1..sev4]", "Declare an incident from an alert page: the alert, its labels and links go into it and the alert page stops paging.",
            ["declare AP-3 sev2", "declare AP-3"]) { TakesIncident = false },
        new("silence", "silence AP-<n> [30m|4h|1d]", "Silence an alert page's alert for a while (default 1 h, at most 7 d): it is still counted when it fires, but nobody is paged.",
            ["silence AP-3 4h", "silence AP-3"]) { TakesIncident = false },
        new("unsilence", "unsilence AP-<n>", "Lift an alert page's silence: the alert pages again when it next fires.", ["unsilence AP-3"]) { TakesIncident = false },
    ];

    private static readonly FrozenDictionary<string, CommandSpec[]> ByVerb = Entries
        .GroupBy(e => e.Verb, StringComparer.OrdinalIgnoreCase)
        .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The distinct verbs, in table order.</summary>
    public static IReadOnlyList<string> Verbs { get; } = Entries.Select(e => e.Verb).Distinct().ToArray();

    /// <summary>The entries of one verb (case-insensitive); empty when the verb is unknown.</summary>
    public static IReadOnlyList<CommandSpec> Find(string? verb) =>
        verb is not null && ByVerb.TryGetValue(verb, out var specs) ? specs : [];

    /// <summary>True when <paramref name="verb"/> is in the table.</summary>
    public static bool IsVerb(string? verb) => verb is not null && ByVerb.ContainsKey(verb);
}
