using ImtBot.Core.Platforms;

namespace ImtBot.Core.Incidents;

public sealed record ActionItem(int Id, string Text, UserRef? Owner, DateOnly? Due, DateTimeOffset CreatedAt, UserRef CreatedBy, bool Done, DateTimeOffset? DoneAt);
