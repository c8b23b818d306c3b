using System.Security.Claims;
using ImtBot.Core.Platforms;

namespace ImtBot.Security;

/// <summary>Who did an admin action over HTTP, as the audit stream names them.</summary>
public static class AdminActor
{
    /// <summary>
    /// The signed-in person (with their console id), an API token (by its public id and name, never the token), or on the
    /// loopback local demo, whoever is at this machine.
    /// </summary>
    public static UserRef Of(ClaimsPrincipal user)
    {
        if (SignedInPerson.Of(user) is { } person)
        {
            return new UserRef(PlatformNames.Console, person.Id, person.Name);
        }

        if (ApiTokenAuthenticationHandler.IsToken(user))
        {
            var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "token:unknown";
            return new UserRef("token", id["token:".Length..], user.Identity?.Name ?? id);
        }

        return new UserRef("local", "local", "the local demo (loopback)");
    }
}
