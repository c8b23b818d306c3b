using ImtBot.Core.Platforms;

namespace ImtBot.Core.Paging;

/// <summary>
/// What follows an expired or declined page of a role: page <see cref="Next"/> in <see cref="Round"/>
/// (<see cref="StartedAgain"/> when the list was exhausted and starts from the top), or <see cref="GaveUp"/> when
/// every round is used.
/// </summary>
public sealed record EscalationStep(UserRef? Next, int Round, bool StartedAgain, bool GaveUp);
