using System.ComponentModel.DataAnnotations;

namespace ImtBot.ConsoleChat;

/// <summary>The <c>Console</c> section: the local chat workspace served at <c>/</c>.</summary>
public sealed class ConsoleOptions : IValidatableObject
{
    public const string SectionName = "Console";

    /// <summary>
    /// On by default in Development or when the host listens on loopback only; set it to force either way.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>The demo directory. The default is alice, bob, carol, dan and erin.</summary>
    public List<ConsoleUser> Users { get; set; } = [];

    /// <summary>The channel where announcements and stakeholder updates go. The default value is <c>announcements</c>.</summary>
    public string AnnouncementsChannel { get; set; } = "announcements";

    /// <summary>The largest request body the console API accepts. The default value is 256 KB.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    internal static readonly ConsoleUser[] DefaultUsers =
    [
        new() { Id = "alice", Name = "Alice Adams" },
        new() { Id = "bob", Name = "Bob Brown" },
        new() { Id = "carol", Name = "Carol Chen" },
        new() { Id = "dan", Name = "Dan Diaz" },
        new() { Id = "erin", Name = "Erin Evans" },
    ];

    /// <summary>The configured users, or the default directory when none are configured.</summary>
    public IReadOnlyList<ConsoleUser> Directory => Users.Count > 0 ? Users : DefaultUsers;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var user in Users)
        {
            if (string.IsNullOrWhiteSpace(user.Id) || !user.Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            {
                yield return new ValidationResult($"Console:Users: \"{user.Id}\" is not a valid user id (letters, digits, '.', '-', '_').", [nameof(Users)]);
            }
        }

        foreach (var dup in Users.GroupBy(u => u.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            yield return new ValidationResult($"Console:Users: \"{dup.Key}\" appears more than once.", [nameof(Users)]);
        }
    }
}
