using System.Text.Json.Nodes;

namespace ImtBot.Slack.WebApi;

/// <summary><c>chat.*</c>: messages. <c>link_names</c> stays off; callers escape user text.</summary>
public sealed class ChatApi(SlackApiClient client)
{
    /// <summary>Posts <paramref name="message"/> (<c>{text, blocks}</c>) with optional <c>metadata</c>; returns the message <c>ts</c>.</summary>
    public async Task<string> PostMessageAsync(string channel, JsonObject message, JsonObject? metadata = null, CancellationToken ct = default)
    {
        var args = WithChannel(message, channel);
        if (metadata is not null)
        {
            args["metadata"] = metadata.DeepClone();
        }

        return (await client.CallAsync(SlackMethods.ChatPostMessage, args, ct)).GetProperty("ts").GetString()!;
    }

    public Task UpdateAsync(string channel, string ts, JsonObject message, CancellationToken ct = default)
    {
        var args = WithChannel(message, channel);
        args["ts"] = ts;
        return client.CallAsync(SlackMethods.ChatUpdate, args, ct);
    }

    public Task PostEphemeralAsync(string channel, string user, string text, CancellationToken ct = default) =>
        client.CallAsync(SlackMethods.ChatPostEphemeral, new JsonObject { ["channel"] = channel, ["user"] = user, ["text"] = text }, ct);

    private static JsonObject WithChannel(JsonObject message, string channel)
    {
        var args = new JsonObject { ["channel"] = channel };
        foreach (var (key, value) in message)
        {
            if (key is "text" or "blocks" or "attachments" or "thread_ts" or "unfurl_links" or "unfurl_media")
            {
                args[key] = value?.DeepClone();
            }
        }

        return args;
    }
}
