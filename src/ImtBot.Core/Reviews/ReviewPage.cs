using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Reviews;

/// <summary>A page and how it ended (<see cref="PageStatus.Paged"/>: never answered while the log was read).</summary>
public sealed record ReviewPage(string Id, UserRef To, string? Role, DateTimeOffset SentAt, DateTimeOffset Deadline, int Round, PageStatus Outcome, DateTimeOffset? AnsweredAt);
