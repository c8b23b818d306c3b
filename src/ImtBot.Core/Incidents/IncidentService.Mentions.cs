using ImtBot.Core.Commands;
using ImtBot.Core.Ports;

namespace ImtBot.Core.Incidents;

/// <summary>
/// The one place that refuses a person who is not a platform user. Adapters turn a real mention into
/// <c>&lt;@id&gt;</c> (Slack and Teams mention entities, a console user's <c>@id</c>); a bare <c>@name</c> that reaches
/// the service was not resolved by its platform, so paging or assigning it would page nobody.
/// </summary>
public sealed partial class IncidentService
{
    private static IEnumerable<UserArg> UserArgs(Command command) => command switch
    {
        RoleCommand c => [c.User],
        PageCommand { User: { } u } => [u],
        HandoverCommand c => [c.To],
        OnCallCommand c => c.Users,
        ActionCommand { Owner: { } o } => [o],
        TaskAssignCommand c => [c.User],
        TaskAddCommand { Owner: { } o } => [o],
        DrillCommand { Facilitator: { } f } => [f],
        TrainingCommand { User: { } u } => [u],
        _ => [],
    };

    /// <summary>Why the command names someone unknown, or null when every person it names is a platform user.</summary>
    private string? UnknownPerson(Command command, string platform)
    {
        if (UserArgs(command).FirstOrDefault(u => u.IsHandle) is not { } unknown)
        {
            return null;
        }

        var closest = directory?.Closest(platform, unknown.Id, 3) ?? [];
        if (closest.Count > 0)
        {
            var names = string.Join(", ", closest.Select(u => $"@{u.Id} ({u.DisplayName})"));
            return $"There is nobody called @{unknown.Id} here; nothing was done. Did you mean {names}?";
        }

        return $"`@{unknown.Id}` is not a {platform} user, so nobody would be reached; nothing was done. " +
            "Pick the person from the @-mention list (so the name turns into a mention), or say `me`.";
    }
}
