using ImtBot.Core.Platforms;

namespace ImtBot.Core.Incidents;

/// <summary>A page to one person: <c>Paged → Acknowledged | Declined | Expired</c>. Role is set when the page is for a role.</summary>
public sealed record Page(string Id, UserRef To, string? Role, string? Message, DateTimeOffset SentAt, DateTimeOffset Deadline, int Round, PageStatus Status, DateTimeOffset? AnsweredAt);
