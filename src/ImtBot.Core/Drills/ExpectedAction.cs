namespace ImtBot.Core.Drills;

/// <summary>
/// What the players should do (<see cref="What"/>) within <see cref="Within"/> of the drill's start — or of inject
/// <see cref="FromInject"/> being posted — scored by <see cref="Weight"/> (time while the drill is paused does not count).
/// </summary>
public sealed record ExpectedAction(string Id, string Description, DrillMilestone What, TimeSpan Within, int Weight, int? FromInject);
