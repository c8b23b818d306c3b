using System.Text.Json.Nodes;

namespace ImtBot.Slack.WebApi;

/// <summary><c>bookmarks.add</c>: a link in the channel header. Needs <c>bookmarks:write</c>.</summary>
public sealed class BookmarksApi(SlackApiClient client)
{
    public Task AddLinkAsync(string channel, string title, Uri link, CancellationToken ct = default) =>
        client.CallAsync(SlackMethods.BookmarksAdd, new JsonObject { ["channel_id"] = channel, ["title"] = title, ["type"] = "link", ["link"] = link.AbsoluteUri }, ct);
}
