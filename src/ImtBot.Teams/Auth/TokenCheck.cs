using Microsoft.IdentityModel.JsonWebTokens;

namespace ImtBot.Teams.Auth;

/// <summary>The result of validating the bearer token: the token and its key set, or a failure status (401/403) and a reason for the log.</summary>
internal sealed record TokenCheck(JsonWebToken? Token, SigningKeySet Keys, int FailureStatus, string? Reason)
{
    public bool Succeeded => Token is not null && FailureStatus == 0;

    public static TokenCheck Fail(string reason, int status = 401) => new(null, SigningKeySet.Empty, status, reason);
}
