using ImtBot.Core.Commands;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Tests.Incidents;

internal static class People
{
    public static readonly UserRef Alice = new(PlatformNames.Console, "alice", "Alice");
    public static readonly UserRef Bob = new(PlatformNames.Console, "bob", "Bob");
    public static readonly UserRef Carol = new(PlatformNames.Console, "carol", "Carol");
    public static readonly UserRef Dave = new(PlatformNames.Console, "dave", "Dave");
    public static readonly UserRef Erin = new(PlatformNames.Console, "erin", "Erin");
    public static readonly UserRef Admin = new(PlatformNames.Console, "root", "Root");

    public static UserArg Arg(UserRef user) => new(user.Id, user.DisplayName);
}
