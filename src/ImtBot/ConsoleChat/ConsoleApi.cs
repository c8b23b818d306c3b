using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ImtBot.Cards;
using ImtBot.Cards.Models;
using ImtBot.Api;
using ImtBot.Core.Commands;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Security;
using ImtBot.Storage;

namespace ImtBot.ConsoleChat;

/// <summary>The console's HTTP API: type as a user, click a card action, read channels and messages, follow live.</summary>
public static partial class ConsoleApi
{
    public static IEndpointRouteBuilder MapConsoleApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/console").RequireAuthorization(Policies.Console, Policies.Viewer);
        api.MapGet("/users", GetUsers);
        api.MapGet("/channels", GetChannels);
        api.MapGet("/channels/{id}/messages", GetMessages);
        api.MapPost("/messages", PostMessage).ConsoleAction();
        api.MapPost("/actions", PostAction).ConsoleAction();
        api.MapPost("/channels/{id}/read", PostRead).ConsoleAction();
        api.MapGet("/stream", Stream);
        return app;
    }

    private static IResult GetChannels(string? user, HttpContext http, ConsoleChatService chat, ConsoleVisibility visibility) =>
        Sender(http, chat, user) is { } u
            ? Results.Ok(visibility.ChannelsFor(Viewer(http, u)).Select(c => chat.ToDto(c, u.Id, visibility.IsPrivate(c))))
            : UnknownUser(chat, user);

    private static IResult GetMessages(string id, string? user, HttpContext http, ConsoleChatService chat, ConsoleVisibility visibility)
    {
        if (Sender(http, chat, user) is not { } u)
        {
            return UnknownUser(chat, user);
        }

        // A private incident's channel is "no such channel" to someone who may not see it: not even that it exists here.
        var channel = chat.FindChannel(id);
        if (channel is null || !visibility.CanSee(Viewer(http, u), channel))
        {
            return BoundedJson.Problem(404, $"There is no channel \"{id}\".");
        }

        return Results.Ok(chat.MessagesFor(id, u.Id).Select(ConsoleChatService.ToDto));
    }

    private static async Task<IResult> PostMessage(HttpRequest request, ConsoleChatService chat, ConsoleVisibility visibility, ICommandHandler commands, IIncidentCards cards, IIncidentReader reader, CancellationToken ct)
    {
        var (body, user, error) = await ReadSenderAsync(request, chat, ct);
        if (error is not null)
        {
            return error;
        }

        var channelId = BoundedJson.String(body!, "channel") ?? ConsoleChatService.General;
        var channel = chat.FindChannel(channelId);
        if (channel is null || !visibility.CanSee(Viewer(request.HttpContext, user), channel))
        {
            return BoundedJson.Problem(400, $"There is no channel \"{channelId}\" for {user.Id}.");
        }

        var text = (BoundedJson.String(body!, "text") ?? "").Trim();
        if (text.Length == 0)
        {
            return BoundedJson.Problem(400, "\"text\" is required.");
        }

        var deliveryId = "console:msg:" + (BoundedJson.String(body!, "id") ?? Guid.NewGuid().ToString("N"));
        if (IsCommand(text, out var typed) && OpensDeclareForm(typed))
        {
            // As in Slack and Teams: the declare form, shown to its sender; its button sends `declare <text>`.
            await chat.PostAsync(channel.Id, user.Id, user.Name, text, visibleTo: user.Id);
            var form = await chat.PostAsync(
                channel.Id, ConsoleChatService.BotId, ConsoleChatService.BotName, "Declare an incident: describe it in the form.", cards.DeclareForm(PlatformNames.Teams), visibleTo: user.Id);
            return Results.Ok(new { replies = new[] { new { text = form.Text, accepted = true, incident = (int?)null, message = form.Key } } });
        }

        if (!IsCommand(text, out var commandText))
        {
            var posted = await chat.PostAsync(channel.Id, user.Id, user.Name, text);
            return Results.Ok(new { replies = Array.Empty<object>(), message = posted.Key });
        }

        var (reply, unavailable) = await HandleAsync(
            commands, new ChatCommand(ResolveMentions(chat, commandText), chat.ToUserRef(user), new ChannelRef(PlatformNames.Console, channel.Id), deliveryId), ct);
        if (reply is null)
        {
            return unavailable!;
        }

        // The command as typed, shown to its sender only, goes with the reply: posted once handled, so a redelivery
        // does not show it twice.
        return await ReplyAsync(chat, channel.Id, user, reply, cards, reader, echo: text);
    }

    private static async Task<IResult> PostAction(HttpRequest request, ConsoleChatService chat, ConsoleVisibility visibility, ICommandHandler commands, IIncidentCards cards, IIncidentReader reader, CancellationToken ct)
    {
        var (body, user, error) = await ReadSenderAsync(request, chat, ct);
        if (error is not null)
        {
            return error;
        }

        var messageId = BoundedJson.String(body!, "messageId") ?? "";
        var message = chat.FindMessage(messageId);
        if (message is null || !visibility.CanSee(Viewer(request.HttpContext, user), message))
        {
            return BoundedJson.Problem(404, $"There is no message \"{messageId}\".");
        }

        if (body!["data"] is not JsonObject data || BoundedJson.String(data, "command") is not { Length: > 0 } command)
        {
            return BoundedJson.Problem(400, "\"data\" must be an object with a \"command\", as the card's action carries.");
        }

        var deliveryKey = "console:action:" + (BoundedJson.String(body, "id") ?? Guid.NewGuid().ToString("N"));
        if (BoundedJson.String(data, CardActionData.FormKey) == ReviewFormModel.FormName)
        {
            // The review form's Save: its inputs are the command (as in Teams); a bad time is refused and changes nothing.
            if (ReviewFormSubmission.Read(command, name => BoundedJson.String(data, name)) is not { } review)
            {
                return BoundedJson.Problem(400, "The review form's \"command\" must name its incident: \"review INC-42\".");
            }

            var (saved, down) = await HandleParsedAsync(
                commands, review, new ChatCommand("review form " + review.Incident, chat.ToUserRef(user), new ChannelRef(PlatformNames.Console, message.ChannelId), deliveryKey), ct);
            return saved is null ? down! : await ReplyAsync(chat, message.ChannelId, user, saved, cards, reader);
        }

        var inputs = data.Where(p => p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String).Select(p => KeyValuePair.Create(p.Key, (string?)p.Value!.GetValue<string>()));
        var text = CardCommandText.Compose(command, CardCommandText.Picks(BoundedJson.String(data, CardCommandText.UserInput)), BoundedJson.String(data, CardCommandText.TextInput), inputs);
        var deliveryId = BoundedJson.String(body, "id") ?? Guid.NewGuid().ToString("N");
        var (reply, unavailable) = await HandleAsync(
            commands, new ChatCommand(ResolveMentions(chat, text), chat.ToUserRef(user), new ChannelRef(PlatformNames.Console, message.ChannelId), "console:action:" + deliveryId), ct);
        return reply is null ? unavailable! : await ReplyAsync(chat, message.ChannelId, user, reply, cards, reader);
    }

    private static async Task Stream(HttpContext context, string? user, ConsoleChatService chat, ConsoleHub hub, ConsoleVisibility visibility)
    {
        if (Sender(context, chat, user) is not { } u)
        {
            context.Response.StatusCode = 400;
            return;
        }

        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.WriteAsync(": connected\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        try
        {
            var viewer = Viewer(context, u);
            await foreach (var e in hub.SubscribeAsync(u.Id, context.RequestAborted))
            {
                // Decided when the change happens: someone paged into a private incident gets its channel from then on.
                if (!visibility.CanSee(viewer, e))
                {
                    continue;
                }

                var json = JsonSerializer.Serialize(e.Payload, JsonSerializerOptions.Web);
                await context.Response.WriteAsync($"event: {e.Type}\ndata: {json}\n\n", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away.
        }
    }

    /// <summary>Reads a bounded JSON body and the known console user it names in <c>user</c>.</summary>
    private static async Task<(JsonObject? Body, ConsoleUser User, IResult? Error)> ReadSenderAsync(HttpRequest request, ConsoleChatService chat, CancellationToken ct)
    {
        var (body, error) = await BoundedJson.ReadObjectAsync(request, chat.Options.MaxRequestBytes, ct);
        if (error is not null)
        {
            return (null, null!, error);
        }

        var userId = BoundedJson.String(body!, "user");
        return Sender(request.HttpContext, chat, userId) is { } user ? (body, user, null) : (null, null!, UnknownUser(chat, userId));
    }

    /// <summary>
    /// The command's reply; or, when the store could not take it (a failed or refused write: nothing acknowledged), a 503
    /// saying why and what to do instead of a 500 with a stack trace. Sent again with the same id once <c>/readyz</c> is
    /// ready, the inbox applies it once (docs/reliability.md §Inbox).
    /// </summary>
    private static async Task<(CommandReply? Reply, IResult? Unavailable)> HandleAsync(ICommandHandler commands, ChatCommand command, CancellationToken ct)
    {
        try
        {
            return (await commands.HandleAsync(command, ct), null);
        }
        catch (StorageUnavailableException e)
        {
            return (null, BoundedJson.Problem(503, $"{e.Message} Send it again with the same \"id\" once /readyz answers 200: it is applied once."));
        }
    }

    /// <summary>As <see cref="HandleAsync"/>, for a command the console read from a form.</summary>
    private static async Task<(CommandReply? Reply, IResult? Unavailable)> HandleParsedAsync(ICommandHandler commands, Command command, ChatCommand origin, CancellationToken ct)
    {
        try
        {
            return (await commands.HandleParsedAsync(command, origin, ct), null);
        }
        catch (StorageUnavailableException e)
        {
            return (null, BoundedJson.Problem(503, $"{e.Message} Send it again with the same \"id\" once /readyz answers 200: it is applied once."));
        }
    }

    /// <param name="echo">The command as its sender typed it, posted just before the reply and in the same write.</param>
    private static async Task<IResult> ReplyAsync(ConsoleChatService chat, string channelId, ConsoleUser user, CommandReply reply, IIncidentCards cards, IIncidentReader reader, string? echo = null)
    {
        if (reply.Redelivered)
        {
            // A redelivery of a command already handled: the first answer again, nothing posted twice.
            return Results.Ok(new { replies = new[] { new { text = reply.Text, accepted = reply.Accepted, incident = reply.Incident, message = (string?)null } } });
        }

        // A reply that names a card (the plan's checklist) comes as that card, its text the fallback, as in Teams.
        var card = reply.Card == ReplyCards.Checklist && reply.Incident is { } n && reader.Get(n) is { } incident ? cards.Checklist(PlatformNames.Teams, incident) : null;
        var answer = chat.Draft(channelId, ConsoleChatService.BotId, ConsoleChatService.BotName, reply.Text, card, visibleTo: user.Id);
        var posted = (await chat.PostAllAsync(echo is null ? [answer] : [chat.Draft(channelId, user.Id, user.Name, echo, visibleTo: user.Id), answer]))[^1];
        return Results.Ok(new
        {
            replies = new[] { new { text = reply.Text, accepted = reply.Accepted, incident = reply.Incident, message = posted.Key } },
        });
    }

    /// <summary>Whether the text is a command (<c>/incident …</c> or <c>@ImtBot …</c>), and the command text without the prefix.</summary>
    internal static bool IsCommand(string text, out string command)
    {
        foreach (var prefix in (string[])["/incident", "@imtbot"])
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && (text.Length == prefix.Length || char.IsWhiteSpace(text[prefix.Length])))
            {
                command = text[prefix.Length..].Trim();
                return true;
            }
        }

        command = "";
        return false;
    }

    /// <summary><c>/incident</c> alone, or <c>declare</c> without a title (the README's promise on every platform).</summary>
    internal static bool OpensDeclareForm(string command) =>
        command.Length == 0 || CommandParser.Parse(command).Command is DeclareCommand { Title.Length: 0 };

    /// <summary>Turns <c>@bob</c> of a known user into the platform-neutral mention <c>&lt;@bob|Bob Brown&gt;</c>.</summary>
    internal static string ResolveMentions(ConsoleChatService chat, string text)
    {
        var named = BareMentionPattern().Replace(text, m => chat.FindUser(m.Groups[1].Value) is { } u ? $"<@{u.Id}|{u.Name}>" : m.Value);
        return MentionPattern().Replace(named, m => chat.FindUser(m.Groups[1].Value) is { } u ? $"<@{u.Id}|{u.Name}>" : m.Value);
    }

    private static IResult UnknownUser(ConsoleChatService chat, string? user) =>
        BoundedJson.Problem(400, $"Unknown user \"{user}\". Known users: {string.Join(", ", chat.Users.Select(u => u.Id))}.");

    [GeneratedRegex(@"(?<![<\w])@([A-Za-z0-9._-]+)")]
    private static partial Regex MentionPattern();

    [GeneratedRegex(@"<@([A-Za-z0-9._-]+)>")]
    private static partial Regex BareMentionPattern();
}
