using System.Text.Json.Nodes;

namespace ImtBot.Slack.WebApi;

/// <summary><c>pins.add</c>; pinning an already pinned message is success.</summary>
public sealed class PinsApi(SlackApiClient client)
{
    public async Task AddAsync(string channel, string ts, CancellationToken ct = default)
    {
        try
        {
            await client.CallAsync(SlackMethods.PinsAdd, new JsonObject { ["channel"] = channel, ["timestamp"] = ts }, ct);
        }
        catch (SlackApiException e) when (e.Error == "already_pinned")
        {
        }
    }
}
