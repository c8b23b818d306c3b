using System.Text.Json.Serialization;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Effects;

/// <summary>A direct message (reminders) with a snooze button where the text names a reminder.</summary>
public sealed record NotifyUser(UserRef To, string Text) : Effect
{
    /// <summary>
    /// For a reminder, what to type after <c>snooze</c> (<c>commander</c>, <c>update</c>, <c>ops</c>): the snooze button's
    /// command is <c>snooze INC-n &lt;Snooze&gt;</c>. Null for other messages (no button).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Snooze { get; init; }
}
