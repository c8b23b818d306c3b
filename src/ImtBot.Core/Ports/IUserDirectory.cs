using ImtBot.Core.Platforms;

namespace ImtBot.Core.Ports;

/// <summary>
/// The people a platform knows, for naming the closest ones when a command names someone who is not there
/// (<c>role ops @zed</c>). A platform host registers one when it can list its users (the console); Slack and Teams
/// resolve mentions themselves, so they need none.
/// </summary>
public interface IUserDirectory
{
    /// <summary>The known people of <paramref name="platform"/> whose id or name is closest to <paramref name="name"/>, best first; empty when it knows none.</summary>
    IReadOnlyList<UserRef> Closest(string platform, string name, int max);
}
