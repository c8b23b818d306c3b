using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;

namespace ImtBot.ConsoleChat;

/// <summary>The console's people (<c>Console:Users</c>), for naming the closest ones to an unknown <c>@name</c>.</summary>
public sealed class ConsoleUserDirectory(ConsoleChatService chat) : IUserDirectory
{
    public IReadOnlyList<UserRef> Closest(string platform, string name, int max)
    {
        if (platform != PlatformNames.Console)
        {
            return [];
        }

        var wanted = name.TrimStart('@').ToLowerInvariant();
        return chat.Users
            .Select(u => (User: u, Score: Math.Min(Score(wanted, u.Id.ToLowerInvariant()), Score(wanted, u.Name.ToLowerInvariant()))))
            .OrderBy(x => x.Score)
            .ThenBy(x => x.User.Id, StringComparer.Ordinal)
            .Take(max)
            .Select(x => chat.ToUserRef(x.User))
            .ToArray();
    }

    /// <summary>0 for a prefix (<c>@car</c> → carol), else the edit distance plus one.</summary>
    private static int Score(string wanted, string known) =>
        wanted.Length > 0 && known.StartsWith(wanted, StringComparison.Ordinal) ? 0 : 1 + Distance(wanted, known);

    /// <summary>Levenshtein distance, two rows.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
