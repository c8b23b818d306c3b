using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImtBot.Cards;
using ImtBot.Core.Commands;
using ImtBot.Core.Platforms;
using ImtBot.Slack.WebApi;

namespace ImtBot.Slack.Inbound;

public sealed partial class SlackInbound
{
    /// <summary>
    /// <c>block_actions</c>: a button's value is command text; a <c>users_select</c> appends <c>&lt;@user&gt;</c> to its
    /// action_id; inputs named <c>user</c>/<c>text</c> in the same message are appended. <c>view_submission</c>: the
    /// declare form becomes a <see cref="DeclareCommand"/>; problems come back keyed by the input's block_id.
    /// </summary>
    public async Task<SlackAck> InteractionAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        return payload.Str("type") switch
        {
            "block_actions" => await BlockActionsAsync(payload, cancellationToken).ConfigureAwait(false),
            "view_submission" => await ViewSubmissionAsync(payload, cancellationToken).ConfigureAwait(false),
            var other => Ignore("interaction " + other),
        };
    }

    private async Task<SlackAck> BlockActionsAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        var user = payload.GetProperty("user");
        var userId = user.Str("id") ?? "";
        var actor = new UserRef(PlatformNames.Slack, userId, user.Str("name") ?? user.Str("username") ?? userId);
        var channel = (payload.TryGetProperty("channel", out var c) ? c.Str("id") : null)
            ?? (payload.TryGetProperty("container", out var container) ? container.Str("channel_id") : null);
        var where = channel ?? (payload.TryGetProperty("view", out var view) ? view.Str("id") : null) ?? "unknown";
        var inputs = Inputs(payload.TryGetProperty("state", out var state) ? state : default);
        if (!payload.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array)
        {
            return Ignore("block_actions without actions");
        }

        var picked = await PickedNamesAsync(actions, inputs, cancellationToken).ConfigureAwait(false);
        Func<CancellationToken, Task>? after = null;
        foreach (var action in actions.EnumerateArray())
        {
            var text = ActionText(action, inputs, picked);
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var key = "slack:action:" + (action.Str("action_ts") ?? payload.Str("trigger_id") ?? Guid.NewGuid().ToString("N"));
            var redelivered = Redelivered(key);
            var reply = await handler.HandleAsync(new ChatCommand(text.Trim(), actor, new ChannelRef(PlatformNames.Slack, where), key), cancellationToken).ConfigureAwait(false);
            after = redelivered ? after : EphemeralAfter(channel, userId, reply) ?? after;
        }

        return new SlackAck(After: after);
    }

    /// <summary>
    /// Names for the people picked in <c>users_select</c> menus (Slack sends only their ids), so that the person a role
    /// or page goes to is recorded with a name, as a typed <c>&lt;@U…|name&gt;</c> mention is. A failed lookup leaves the id.
    /// </summary>
    private async Task<Dictionary<string, string>> PickedNamesAsync(JsonElement actions, IReadOnlyDictionary<string, JsonElement> inputs, CancellationToken cancellationToken)
    {
        var ids = actions.EnumerateArray().Where(a => a.Str("type") == "users_select").Select(a => a.Str("selected_user"))
            .Append(inputs.TryGetValue("user", out var picked) ? picked.Str("selected_user") : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var name = string.Concat((await names.NameAsync(id, cancellationToken).ConfigureAwait(false)).Where(c => c is not ('<' or '>' or '|'))).Trim();
            if (name.Length > 0 && name != id)
            {
                named[id] = name;
            }
        }

        return named;
    }

    private static CardPick Pick(string id, IReadOnlyDictionary<string, string> names) => new(id, names.GetValueOrDefault(id));

    private static string? ActionText(JsonElement action, IReadOnlyDictionary<string, JsonElement> inputs, IReadOnlyDictionary<string, string> names)
    {
        switch (action.Str("type"))
        {
            case "button":
                var text = action.Str("value");
                if (text is null)
                {
                    return null;
                }

                var pickedUser = inputs.TryGetValue(CardCommandText.UserInput, out var picked) ? picked.Str("selected_user") : null;
                var typed = inputs.TryGetValue(CardCommandText.TextInput, out var typedInput) ? typedInput.Str("value") : null;
                return CardCommandText.Compose(text, pickedUser is null ? [] : [Pick(pickedUser, names)], typed);
            case "users_select" when action.Str("action_id") != "user":
                return action.Str("selected_user") is { } selected ? CardCommandText.Compose(action.Str("action_id") ?? "", [Pick(selected, names)], null) : null;
            case "static_select" or "overflow" or "radio_buttons":
                return action.TryGetProperty("selected_option", out var option) ? option.Str("value") : null;
            default:
                return null;
        }
    }

    private async Task<SlackAck> ViewSubmissionAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        var view = payload.GetProperty("view");
        var user = payload.GetProperty("user");
        var userId = user.Str("id") ?? "";
        var actor = new UserRef(PlatformNames.Slack, userId, user.Str("name") ?? user.Str("username") ?? userId);
        var values = view.TryGetProperty("state", out var state) && state.TryGetProperty("values", out var v) ? v : default;
        var form = DeclareForm.Read(values);
        var (channel, nonce) = Metadata(view.Str("private_metadata"));
        if (string.IsNullOrWhiteSpace(form.Title))
        {
            return Errors(form.TitleBlockId, "Give the incident a title: what is broken, for whom.");
        }

        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(values.ValueKind == JsonValueKind.Undefined ? "" : values.GetRawText())))[..16];
        var key = "slack:view:" + (nonce ?? view.Str("id") ?? "") + ":" + digest;
        var origin = new ChatCommand("declare " + form.Title, actor, new ChannelRef(PlatformNames.Slack, channel ?? view.Str("id") ?? "unknown"), key);
        var redelivered = Redelivered(key);
        var reply = await handler.HandleParsedAsync(new DeclareCommand(form.Title.Trim(), form.Severity, form.Drill), origin, cancellationToken).ConfigureAwait(false);
        return reply.Accepted
            ? new SlackAck(After: redelivered ? null : EphemeralAfter(channel, userId, reply))
            : Errors(form.TitleBlockId, reply.Text);
    }

    private static SlackAck Errors(string blockId, string message) =>
        new(new JsonObject { ["response_action"] = "errors", ["errors"] = new JsonObject { [blockId] = Formatting.SlackText.Truncate(message, 2000) } });

    private static (string? Channel, string? Nonce) Metadata(string? privateMetadata)
    {
        if (string.IsNullOrEmpty(privateMetadata))
        {
            return (null, null);
        }

        try
        {
            using var doc = JsonDocument.Parse(privateMetadata);
            return (doc.RootElement.Str("channel"), doc.RootElement.Str("nonce"));
        }
        catch (JsonException)
        {
            return (null, privateMetadata.Length <= 255 ? privateMetadata : null);
        }
    }

    /// <summary><c>state.values</c> flattened to action_id → value object (block ids are unique per view, action ids are what cards name).</summary>
    private static Dictionary<string, JsonElement> Inputs(JsonElement state)
    {
        var inputs = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (state.ValueKind == JsonValueKind.Object && state.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Object)
        {
            foreach (var block in values.EnumerateObject())
            {
                foreach (var action in block.Value.EnumerateObject())
                {
                    inputs[action.Name] = action.Value;
                }
            }
        }

        return inputs;
    }

    private SlackAck Ignore(string reason)
    {
        LogIgnored(logger, reason);
        return SlackAck.Empty;
    }
}
