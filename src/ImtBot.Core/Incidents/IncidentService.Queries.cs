using ImtBot.Core.Commands;
using ImtBot.Core.Events;
using ImtBot.Core.Paging;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Core.Reviews;

namespace ImtBot.Core.Incidents;

/// <summary>The commands answered without deciding anything: list, oncall, status, timeline, review.</summary>
public sealed partial class IncidentService
{
    /// <remarks>Answered from the fold as it is: no second replay of the events.</remarks>
    private static string? ReadOnlyReply(Command command, Incident state) => command switch
    {
        StatusCommand => IncidentText.Status(state),
        TimelineCommand => IncidentText.Timeline(state),
        ReviewCommand => ReviewReply(ReviewModel.From(state)),
        _ => null,
    };

    private static string ReviewReply(ReviewModel review) => ReviewWriter.StillEmpty(review) + ReviewWriter.ToMarkdown(review);

    /// <summary>The open incidents; a private one <paramref name="asker"/> is outside of shows its number and severity only.</summary>
    private string ListOpen(UserRef asker)
    {
        var open = store.ListIncidents(openOnly: true);
        if (open.Count == 0)
        {
            return "No open incidents. Declare one with `/incident declare <title> [sev1..sev4]`.";
        }

        return string.Join('\n', open.OrderBy(i => i.Number).Select(i => Get(i.Number) is { } incident && IncidentDecider.IsOutsider(incident, asker, options)
            ? $"{IncidentKey.Format(i.Number)} · SEV{i.Severity} · private incident"
            : $"{IncidentKey.Format(i.Number)} · SEV{i.Severity} · {IncidentDecider.Describe(i.Status)}{(i.Kind == IncidentKind.Drill ? " · DRILL" : "")} · {i.Title}"));
    }

    /// <summary><c>oncall</c> shows every list; <c>oncall ops</c> shows one; <c>oncall ops @a @b</c> sets one (stored as a setting).</summary>
    private async Task<CommandReply> OnCallAsync(OnCallCommand command, ChatCommand origin, CancellationToken cancellationToken)
    {
        var platform = origin.Actor.Platform;
        var lists = OnCallLists.Current(options, store, platform);
        if (command.Role is null)
        {
            var lines = OnCallLists.Roles(options).Select(r => $"{r}: {Names(lists.GetValueOrDefault(r))}");
            return new CommandReply(true, "On call (paged in this order):\n" + string.Join('\n', lines) + "\nSet a list with `/incident oncall <role> @a @b`.");
        }

        var role = OnCallLists.Roles(options).FirstOrDefault(r => string.Equals(r, command.Role, StringComparison.OrdinalIgnoreCase));
        if (role is null)
        {
            return await RecordAsync(origin, false, $"There is no role \"{command.Role}\": the roles are {string.Join(", ", OnCallLists.Roles(options))}.", null, cancellationToken);
        }

        if (command.Users.Count == 0)
        {
            return new CommandReply(true, $"{role}: {Names(lists.GetValueOrDefault(role))}");
        }

        var users = command.Users.Select(u => IncidentDecider.Resolve(u, origin.Actor)).Distinct().ToArray();
        if (audit is not null)
        {
            // Recorded before the list changes: a change the audit does not show never happened.
            await audit.AppendAsync(origin.Actor, new OnCallListChanged(role, lists.GetValueOrDefault(role) ?? [], users), cancellationToken);
        }

        await store.SetSettingAsync(OnCallLists.SettingKey(role), OnCallLists.Serialize(users), cancellationToken);
        return await RecordAsync(origin, true, $"On-call list for {role} (paged in this order): {Names(users)}.", null, cancellationToken);
    }

    private static string Names(IReadOnlyList<UserRef>? users) => users is { Count: > 0 } ? string.Join(", ", users) : "(none)";
}
