using ImtBot.Api;

namespace ImtBot.ConsoleChat;

/// <summary>Read markers: the page says how far its user has read a channel, so unread badges are that user's own.</summary>
public static partial class ConsoleApi
{
    /// <summary><c>POST /api/console/channels/{id}/read</c> with <c>{"user": "bob", "upTo": "m12"}</c>.</summary>
    private static async Task<IResult> PostRead(string id, HttpRequest request, ConsoleChatService chat, ConsoleVisibility visibility, CancellationToken ct)
    {
        var (body, user, error) = await ReadSenderAsync(request, chat, ct);
        if (error is not null)
        {
            return error;
        }

        var channel = chat.FindChannel(id);
        if (channel is null || !visibility.CanSee(Viewer(request.HttpContext, user), channel))
        {
            return BoundedJson.Problem(404, $"There is no channel \"{id}\".");
        }

        await chat.MarkReadAsync(user.Id, channel.Id, BoundedJson.String(body!, "upTo") ?? "");
        return Results.Ok(new { channel = channel.Id, unread = chat.UnreadCount(user.Id, channel.Id) });
    }
}
