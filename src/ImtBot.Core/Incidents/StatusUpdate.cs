using ImtBot.Core.Platforms;

namespace ImtBot.Core.Incidents;

public sealed record StatusUpdate(DateTimeOffset At, UserRef By, string Text);
