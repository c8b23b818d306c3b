using System.Text.Json.Nodes;

namespace ImtBot.Slack.WebApi;

/// <summary><c>users.*</c>: display names and lookups.</summary>
public sealed class UsersApi(SlackApiClient client)
{
    public async Task<SlackUser> InfoAsync(string user, CancellationToken ct = default) =>
        SlackUser.From((await client.CallAsync(SlackMethods.UsersInfo, new JsonObject { ["user"] = user }, ct)).GetProperty("user"));

    /// <summary>The member with this email, or null (<c>users_not_found</c>). Needs <c>users:read.email</c>.</summary>
    public async Task<SlackUser?> LookupByEmailAsync(string email, CancellationToken ct = default)
    {
        try
        {
            return SlackUser.From((await client.CallAsync(SlackMethods.UsersLookupByEmail, new JsonObject { ["email"] = email }, ct)).GetProperty("user"));
        }
        catch (SlackApiException e) when (e.Error == "users_not_found")
        {
            return null;
        }
    }
}
