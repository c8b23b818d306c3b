using System.Text.Json;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;

namespace ImtBot.Core.Paging;

/// <summary>
/// The org-wide on-call lists: configuration (<c>Incidents:OnCall:&lt;role&gt;</c>, user ids taken to be on the platform
/// asked about) overlaid by lists set with <c>oncall &lt;role&gt; @a @b</c>, stored as the setting
/// <c>oncall:&lt;role&gt;</c> (lower-case role) holding a JSON array of users (<c>{"platform","id","displayName"}</c>).
/// </summary>
public static class OnCallLists
{
    public const string SettingPrefix = "oncall:";

    public static string SettingKey(string role) => SettingPrefix + role.ToLowerInvariant();

    public static string Serialize(IReadOnlyList<UserRef> users) => JsonSerializer.Serialize(users, EventChain.JsonOptions);

    /// <summary>The users of a stored list; an unreadable setting counts as no list (null).</summary>
    public static IReadOnlyList<UserRef>? Deserialize(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<UserRef[]>(json, EventChain.JsonOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The roles that may have a list: the configured roles and the roles configured with a list.</summary>
    public static IReadOnlyList<string> Roles(IncidentOptions options) =>
        options.Roles.Concat(options.OnCall.Keys).Select(r => r.ToLowerInvariant()).Distinct().ToArray();

    /// <summary>Every role's current list (configuration overlaid by stored settings); roles without a list are left out.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<UserRef>> Current(IncidentOptions options, ISettingsStore settings, string platform)
    {
        var lists = new Dictionary<string, IReadOnlyList<UserRef>>(StringComparer.OrdinalIgnoreCase);
        var roles = Roles(options);
        var stored = settings.GetSettings(roles.Select(SettingKey).ToArray());
        foreach (var role in roles)
        {
            var list = Deserialize(stored.GetValueOrDefault(SettingKey(role)))
                ?? (options.OnCall.TryGetValue(role, out var ids) ? ids.Select(id => new UserRef(platform, id, id)).ToArray() : null);
            if (list is { Count: > 0 })
            {
                lists[role] = list;
            }
        }

        return lists;
    }
}
