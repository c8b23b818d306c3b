using System.Text.Json.Nodes;

namespace ImtBot.Slack.WebApi;

/// <summary><c>users.*</c>: display names.</summary>
public sealed class UsersApi(SlackApiClient client)
{
    public async Task<SlackUser> InfoAsync(string user, CancellationToken ct = default) =>
        SlackUser.From((await client.CallAsync(SlackMethods.UsersInfo, new JsonObject { ["user"] = user }, ct)).GetProperty("user"));
}
