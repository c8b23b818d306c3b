using ImtBot.Core.Platforms;

namespace ImtBot.Core.Incidents;

public sealed record Note(DateTimeOffset At, UserRef By, string Text);
