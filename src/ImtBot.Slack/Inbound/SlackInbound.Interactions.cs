using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImtBot.Cards;
using ImtBot.Core.Commands;
using ImtBot.Core.Platforms;
using ImtBot.Slack.Payloads;

namespace ImtBot.Slack.Inbound;

public sealed partial class SlackInbound
{
    /// <summary>How cards/slack/checklist.json names a task's block (<c>task_&lt;n&gt;</c>): a click there is a checklist click.</summary>
    private const string ChecklistTaskBlock = "task_";

    /// <summary>
    /// <c>block_actions</c>: a button's value is command text; a <c>users_select</c> appends <c>&lt;@user&gt;</c> to its
    /// action_id; inputs named <c>user</c>/<c>text</c> in the same message are appended. <c>view_submission</c>: the
    /// declare form becomes a <see cref="DeclareCommand"/>; problems come back keyed by the input's block_id.
    /// </summary>
    public async Task<SlackAck> InteractionAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        return SlackJson.Read<PayloadType>(payload, "interaction payload").Type switch
        {
            "block_actions" => await BlockActionsAsync(SlackJson.Read<BlockActionsPayload>(payload, "block_actions payload"), cancellationToken).ConfigureAwait(false),
            "view_submission" => await ViewSubmissionAsync(SlackJson.Read<ViewSubmissionPayload>(payload, "view_submission payload"), cancellationToken).ConfigureAwait(false),
            var other => Ignore("interaction " + other),
        };
    }

    private async Task<SlackAck> BlockActionsAsync(BlockActionsPayload payload, CancellationToken cancellationToken)
    {
        var actor = new UserRef(PlatformNames.Slack, payload.User.Id, payload.User.DisplayName);
        var channel = payload.ChannelId;
        var where = channel ?? payload.View?.Id ?? "unknown";
        var inputs = payload.State?.ByActionId() ?? [];
        if (payload.Actions.Count == 0)
        {
            return Ignore("block_actions without actions");
        }

        if (payload.Actions.FirstOrDefault(a => a.ActionId == Cards.Models.ReviewFormModel.SlackActionId) is { } writeReview)
        {
            return await OpenReviewFormAsync(payload, writeReview, cancellationToken).ConfigureAwait(false);
        }

        var picked = await PickedNamesAsync(payload.Actions, inputs, cancellationToken).ConfigureAwait(false);
        Func<CancellationToken, Task>? after = null;
        int? checklist = null;
        foreach (var action in payload.Actions)
        {
            var text = ActionText(action, inputs, picked);
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var key = "slack:action:" + (action.ActionTs ?? payload.TriggerId ?? Guid.NewGuid().ToString("N"));
            var reply = await handler.HandleAsync(new ChatCommand(text.Trim(), actor, new ChannelRef(PlatformNames.Slack, where), key), cancellationToken).ConfigureAwait(false);
            after = EphemeralAfter(channel, payload.User.Id, reply) ?? after;
            if (IsChecklistTask(action) && !reply.Redelivered && reply.Incident is { } number)
            {
                checklist = number;
            }
        }

        return new SlackAck(After: RefreshChecklistAfter(checklist, payload.ResponseUrl, after));
    }

    /// <summary>A "Done" button of the checklist card.</summary>
    private static bool IsChecklistTask(BlockAction action) =>
        action.Type == "button" && action.BlockId?.StartsWith(ChecklistTaskBlock, StringComparison.Ordinal) == true;

    /// <summary>
    /// After a checklist click, the checklist is shown again in place of the one clicked, rebuilt from the incident as
    /// it is now (the task just done drops off). The card was posted ephemeral, and an ephemeral message can only be
    /// replaced through the click's response_url. Then <paramref name="reply"/> (the command's answer) runs as before.
    /// </summary>
    private Func<CancellationToken, Task>? RefreshChecklistAfter(int? incident, string? url, Func<CancellationToken, Task>? reply)
    {
        if (incident is not { } number || responseUrl is null || string.IsNullOrEmpty(url))
        {
            return reply;
        }

        return async ct =>
        {
            if (Checklist(number) is JsonObject card)
            {
                var message = new JsonObject { ["text"] = card["text"]?.DeepClone(), ["blocks"] = card["blocks"]?.DeepClone() };
                await responseUrl.ReplaceOriginalAsync(url, message, ct).ConfigureAwait(false);
            }

            if (reply is not null)
            {
                await reply(ct).ConfigureAwait(false);
            }
        };
    }

    /// <summary>
    /// Names for the people picked in <c>users_select</c> menus (Slack sends only their ids), so that the person a role
    /// or page goes to is recorded with a name, as a typed <c>&lt;@U…|name&gt;</c> mention is. A failed lookup leaves the id.
    /// </summary>
    private async Task<Dictionary<string, string>> PickedNamesAsync(IEnumerable<BlockAction> actions, IReadOnlyDictionary<string, BlockInputValue> inputs, CancellationToken cancellationToken)
    {
        var ids = actions.Where(a => a.Type == "users_select").Select(a => a.SelectedUser)
            .Append(inputs.TryGetValue(CardCommandText.UserInput, out var picked) ? picked.SelectedUser : null)
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

    private static string? ActionText(BlockAction action, IReadOnlyDictionary<string, BlockInputValue> inputs, IReadOnlyDictionary<string, string> names)
    {
        switch (action.Type)
        {
            case "button":
                if (action.Value is not { } text)
                {
                    return null;
                }

                var pickedUser = inputs.GetValueOrDefault(CardCommandText.UserInput)?.SelectedUser;
                var typed = inputs.GetValueOrDefault(CardCommandText.TextInput)?.Value;
                return CardCommandText.Compose(text, pickedUser is null ? [] : [Pick(pickedUser, names)], typed);
            case "users_select" when action.ActionId != CardCommandText.UserInput:
                return action.SelectedUser is { } selected ? CardCommandText.Compose(action.ActionId ?? "", [Pick(selected, names)], null) : null;
            case "static_select" or "overflow" or "radio_buttons":
                return action.SelectedOption?.Value;
            default:
                return null;
        }
    }

    private async Task<SlackAck> ViewSubmissionAsync(ViewSubmissionPayload payload, CancellationToken cancellationToken)
    {
        var view = payload.View;
        if (view.CallbackId == Cards.Models.ReviewFormModel.SlackCallbackId)
        {
            return await ReviewSubmissionAsync(payload, cancellationToken).ConfigureAwait(false);
        }

        var actor = new UserRef(PlatformNames.Slack, payload.User.Id, payload.User.DisplayName);
        var form = DeclareForm.Read(view.State?.Values ?? []);
        var metadata = DeclareMetadata.Read(view.PrivateMetadata);
        if (string.IsNullOrWhiteSpace(form.Title))
        {
            return Errors(form.TitleBlockId, "Give the incident a title: what is broken, for whom.");
        }

        // The answers identify the submission (with the modal's nonce): a redelivery has the same key, a changed answer does not.
        var answers = view.State is null ? "" : SlackJson.Write(view.State.Values);
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(answers)))[..16];
        var key = "slack:view:" + (metadata.Nonce ?? view.Id ?? "") + ":" + digest;
        var origin = new ChatCommand("declare " + form.Title, actor, new ChannelRef(PlatformNames.Slack, metadata.Channel ?? view.Id ?? "unknown"), key);
        var reply = await handler.HandleParsedAsync(new DeclareCommand(form.Title.Trim(), form.Severity, form.Drill) { Answers = form.Answers }, origin, cancellationToken).ConfigureAwait(false);
        return reply.Accepted
            ? new SlackAck(After: EphemeralAfter(metadata.Channel, payload.User.Id, reply))
            : Errors(form.TitleBlockId, reply.Text);
    }

    private static SlackAck Errors(string blockId, string message) =>
        new(new JsonObject { ["response_action"] = "errors", ["errors"] = new JsonObject { [blockId] = Formatting.SlackText.Truncate(message, 2000) } });

    private SlackAck Ignore(string reason)
    {
        LogIgnored(logger, reason);
        return SlackAck.Empty;
    }
}
