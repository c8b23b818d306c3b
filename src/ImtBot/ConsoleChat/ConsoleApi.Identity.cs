using ImtBot.Security;

namespace ImtBot.ConsoleChat;

/// <summary>
/// Who is typing: with sign-in, the signed-in person, whatever <c>user</c> the request names (the user switcher is the
/// local demo's only); in the local demo, the directory user the request names.
/// </summary>
public static partial class ConsoleApi
{
    private static ConsoleUser? Sender(HttpContext http, ConsoleChatService chat, string? named) =>
        SignedInPerson.Of(http.User) is { } person ? new ConsoleUser { Id = person.Id, Name = person.Name } : chat.FindUser(named);

    /// <summary>The person asking, for what they may see: an admin only when signed in with the admin role.</summary>
    private static ConsoleViewer Viewer(HttpContext http, ConsoleUser user) => new(user.Id, IncidentVisibility.IsSignedInAdmin(http.User));

    /// <summary>A console action: a responder's, same-origin JSON only, rate-limited per source.</summary>
    private static RouteHandlerBuilder ConsoleAction(this RouteHandlerBuilder action) =>
        action.RequireAuthorization(Policies.Responder).AddEndpointFilter<ConsoleForgeryFilter>().RequireRateLimiting(RateLimits.Console);

    /// <summary>The people the page may act as: the signed-in person alone, or the demo directory.</summary>
    private static IResult GetUsers(HttpContext http, ConsoleChatService chat) =>
        Results.Ok(SignedInPerson.Of(http.User) is { } person
            ? [new { id = person.Id, name = person.Name }]
            : chat.Users.Select(u => new { id = u.Id, name = u.Name }));
}
