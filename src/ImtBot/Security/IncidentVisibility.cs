using System.Security.Claims;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Security;

/// <summary>
/// Who may see a private incident's details (timeline, review, audit, evidence, card): its participants and admins.
/// The person is the signed-in person; in the loopback local demo, the console user the request names with
/// <c>?user=</c> (the user switcher), and with no name the machine's owner, who is an admin. An API token is
/// automation, not a person: only an admin-scope token sees private incidents; a read or write token sees that they
/// exist (number and severity), as everyone does.
/// </summary>
public static class IncidentVisibility
{
    /// <summary>True when <paramref name="user"/> may see <paramref name="incident"/>'s details.</summary>
    public static bool CanSee(ClaimsPrincipal user, HttpRequest request, Incident incident)
    {
        if (!incident.Private)
        {
            return true;
        }

        var person = Person(user, request);
        if (person is null)
        {
            // Not a console person: an admin-scope token, or the local demo's owner when no user is named.
            return user.IsInRole(Roles.Admin);
        }

        return CanSee(person, IsSignedInAdmin(user), incident);
    }

    /// <summary>
    /// True when the console person <paramref name="person"/> may see <paramref name="incident"/>: it is not private,
    /// they are an admin (signed in with the admin role, or named in the incident's <c>Incidents:Admins</c>), or they
    /// took part (declared, held a role, were paged, joined).
    /// </summary>
    public static bool CanSee(string person, bool admin, Incident incident) =>
        !incident.Private
        || admin
        || incident.Admins.Contains(person, StringComparer.OrdinalIgnoreCase)
        || incident.IsInsider(new UserRef(PlatformNames.Console, person, person));

    /// <summary>Whether the request is a signed-in person with the admin role (the console's notion of an admin).</summary>
    public static bool IsSignedInAdmin(ClaimsPrincipal user) => SignedInPerson.Of(user) is not null && user.IsInRole(Roles.Admin);

    /// <summary>The console id of the person asking: the signed-in person's, or the local demo's named user.</summary>
    private static string? Person(ClaimsPrincipal user, HttpRequest request)
    {
        if (SignedInPerson.Of(user) is { } signedIn)
        {
            return signedIn.Id;
        }

        return user.Identity?.AuthenticationType == LocalDemoAuthenticationHandler.SchemeName && request.Query["user"].FirstOrDefault() is { Length: > 0 } named
            ? named
            : null;
    }

    /// <summary>403 for a private incident the caller does not take part in.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Refusal(int number) =>
        TypedResults.Problem(
            detail: $"{IncidentKey.Format(number)} is private: only its participants and admins can see it.",
            statusCode: StatusCodes.Status403Forbidden);
}
