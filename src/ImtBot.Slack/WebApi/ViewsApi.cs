using System.Text.Json.Nodes;

namespace ImtBot.Slack.WebApi;

/// <summary><c>views.*</c>: modals (the declare form).</summary>
public sealed class ViewsApi(SlackApiClient client)
{
    public Task OpenAsync(string triggerId, JsonNode view, CancellationToken ct = default) =>
        client.CallAsync(SlackMethods.ViewsOpen, new JsonObject { ["trigger_id"] = triggerId, ["view"] = view.DeepClone() }, ct);
}
