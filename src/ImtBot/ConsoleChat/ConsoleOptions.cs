namespace ImtBot.ConsoleChat;

/// <summary>The <c>Console</c> section: the local chat workspace served at <c>/</c>.</summary>
public sealed class ConsoleOptions
{
    public const string SectionName = "Console";

    /// <summary>Whether the console is served; set it to force either way.</summary>
    /// <value>The default is unset: on in Development or when the host listens on loopback only.</value>
    public bool? Enabled { get; set; }

    /// <summary>The demo directory; a configured list replaces it.</summary>
    /// <value>The default is empty, which means alice, bob, carol, dan and erin (<see cref="Directory"/>).</value>
    public List<ConsoleUser> Users { get; set; } = [];

    /// <summary>The channel where announcements and stakeholder updates go.</summary>
    /// <value>The default is <c>announcements</c>.</value>
    public string AnnouncementsChannel { get; set; } = "announcements";

    /// <summary>The largest request body the console API accepts, in bytes.</summary>
    /// <value>The default is 256 KB.</value>
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
}
