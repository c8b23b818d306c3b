using System.Text.Json.Serialization;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Events;

/// <summary>A page went out; it expires at the deadline unless answered.</summary>
public sealed record PageSent(string PageId, UserRef To, string? Role, string? Message, DateTimeOffset Deadline, int Round) : EventData
{
    /// <summary>
    /// Why the page went out (<c>ImtBot.Core.Paging.PagePurposes</c>): null for a plain page, <c>assign</c> when the
    /// role is held on acknowledgement, <c>handover</c> when command passes on acknowledgement. Left out of the
    /// canonical JSON when null.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Purpose { get; init; }
}
