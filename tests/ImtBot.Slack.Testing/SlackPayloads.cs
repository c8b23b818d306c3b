using System.Text.Json.Nodes;

namespace ImtBot.Slack.Testing;

/// <summary>Request bodies shaped like Slack's (docs/protocols.md §Slack acknowledgement, §Socket Mode; shaped after Slack's documented examples).</summary>
public static class SlackPayloads
{
    public static string Command(string text, string trigger = "111.222.abc", string user = "UALICE", string channel = "CGENERAL") =>
        "token=verification_token&team_id=T111&team_domain=test&channel_id=" + channel + "&channel_name=general&user_id=" + user +
        "&user_name=alice&command=%2Fincident&text=" + Uri.EscapeDataString(text) + "&api_app_id=A111&is_enterprise_install=false" +
        "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT111%2F111%2Fxxx&trigger_id=" + trigger;

    public static string Interaction(JsonObject payload) => "payload=" + Uri.EscapeDataString(payload.ToJsonString());

    public static JsonObject Button(string value, string actionTs = "1790000000.000001", string channel = "CINC", JsonObject? state = null, string user = "UALICE") => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = user, ["username"] = user[1..].ToLowerInvariant(), ["name"] = user[1..].ToLowerInvariant(), ["team_id"] = "T111" },
        ["api_app_id"] = "A111",
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1790000000.000100", ["channel_id"] = channel, ["is_ephemeral"] = false },
        ["trigger_id"] = "222.333.def",
        ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "inc-42" },
        ["state"] = state ?? new JsonObject { ["values"] = new JsonObject() },
        ["actions"] = new JsonArray(new JsonObject
        {
            ["action_id"] = "ack", ["block_id"] = "page", ["type"] = "button", ["value"] = value, ["action_ts"] = actionTs,
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Acknowledge" },
        }),
    };

    /// <summary>
    /// A "Done" click on the ephemeral checklist card: the task's block (<c>task_&lt;n&gt;</c>), the button's value, and the
    /// <paramref name="responseUrl"/> Slack sends with it (an ephemeral message can only be changed through it).
    /// </summary>
    public static JsonObject ChecklistDone(string value, int task, string responseUrl, string channel = "CINC", string actionTs = "1790000000.000003")
    {
        var payload = Button(value, actionTs, channel);
        payload["container"]!["is_ephemeral"] = true;
        payload["response_url"] = responseUrl;
        var action = payload["actions"]![0]!;
        action["action_id"] = "btn-" + value.Replace(' ', '-');
        action["block_id"] = "task_" + task.ToString(System.Globalization.CultureInfo.InvariantCulture);
        action["text"]!["text"] = "Done";
        return payload;
    }

    public static JsonObject UsersSelect(string actionId, string selected, string channel = "CINC", string actionTs = "1790000000.000002") => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = "UALICE", ["username"] = "alice", ["name"] = "alice" },
        ["trigger_id"] = "222.333.ghi",
        ["channel"] = new JsonObject { ["id"] = channel },
        ["actions"] = new JsonArray(new JsonObject
        {
            ["action_id"] = actionId, ["block_id"] = "roles", ["type"] = "users_select", ["selected_user"] = selected, ["action_ts"] = actionTs,
        }),
    };

    public static JsonObject ViewSubmission(string title, string severity = "sev1", string nonce = "n0nce", bool drill = false) => new()
    {
        ["type"] = "view_submission",
        ["user"] = new JsonObject { ["id"] = "UALICE", ["username"] = "alice", ["name"] = "alice" },
        ["trigger_id"] = "333.444.jkl",
        ["view"] = new JsonObject
        {
            ["id"] = "V123",
            ["type"] = "modal",
            ["callback_id"] = "declare",
            ["hash"] = "1790000000.abc",
            ["private_metadata"] = new JsonObject { ["channel"] = "CGENERAL", ["nonce"] = nonce }.ToJsonString(),
            ["state"] = new JsonObject
            {
                ["values"] = new JsonObject
                {
                    ["title"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = title } },
                    ["severity"] = new JsonObject { ["severity"] = new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = severity } } },
                    ["drill"] = new JsonObject { ["drill"] = new JsonObject { ["type"] = "checkboxes", ["selected_options"] = drill ? new JsonArray(new JsonObject { ["value"] = "drill" }) : new JsonArray() } },
                },
            },
        },
        ["response_urls"] = new JsonArray(),
    };

    /// <summary>A <c>block_actions</c> click on a button with its own action_id (a button that opens a modal).</summary>
    public static JsonObject ButtonWithId(string actionId, string value, string channel = "CINC", string trigger = "222.333.mno")
    {
        var payload = Button(value, channel: channel);
        payload["trigger_id"] = trigger;
        payload["actions"]![0]!["action_id"] = actionId;
        return payload;
    }

    /// <summary>A <c>view_submission</c> of any modal: its callback_id, the metadata the bot wrote, and plain inputs (block_id = action_id).</summary>
    public static JsonObject ViewSubmissionOf(string callbackId, string privateMetadata, IReadOnlyDictionary<string, string> inputs, IReadOnlyDictionary<string, string>? picked = null)
    {
        var values = new JsonObject();
        foreach (var (id, value) in inputs)
        {
            values[id] = new JsonObject { [id] = new JsonObject { ["type"] = "plain_text_input", ["value"] = value } };
        }

        foreach (var (id, value) in picked ?? new Dictionary<string, string>())
        {
            values[id] = new JsonObject { [id] = new JsonObject { ["type"] = "radio_buttons", ["selected_option"] = new JsonObject { ["value"] = value } } };
        }

        return new JsonObject
        {
            ["type"] = "view_submission",
            ["user"] = new JsonObject { ["id"] = "UALICE", ["username"] = "alice", ["name"] = "alice" },
            ["trigger_id"] = "333.444.pqr",
            ["view"] = new JsonObject
            {
                ["id"] = "V456",
                ["type"] = "modal",
                ["callback_id"] = callbackId,
                ["hash"] = "1790000000.def",
                ["private_metadata"] = privateMetadata,
                ["state"] = new JsonObject { ["values"] = values },
            },
            ["response_urls"] = new JsonArray(),
        };
    }

    public static JsonObject Event(JsonObject ev, string eventId = "Ev111") => new()
    {
        ["token"] = "verification_token",
        ["team_id"] = "T111",
        ["api_app_id"] = "A111",
        ["type"] = "event_callback",
        ["event"] = ev,
        ["event_id"] = eventId,
        ["event_time"] = 1790000000,
        ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = "T111", ["user_id"] = "UBOT", ["is_bot"] = true }),
    };

    public static JsonObject Mention(string text, string channel = "CINC") => new()
    {
        ["type"] = "app_mention", ["text"] = text, ["user"] = "UALICE", ["ts"] = "1790000000.000200", ["channel"] = channel, ["event_ts"] = "1790000000.000200",
    };

    public static JsonObject Pushpin(string channel, string ts, string reaction = "pushpin") => new()
    {
        ["type"] = "reaction_added", ["user"] = "UBOB", ["reaction"] = reaction, ["item_user"] = "UALICE",
        ["item"] = new JsonObject { ["type"] = "message", ["channel"] = channel, ["ts"] = ts }, ["event_ts"] = "1790000001.000100",
    };

    public static JsonObject MessageChanged(string channel, string ts, string newText, string? botId = null)
    {
        var message = new JsonObject { ["type"] = "message", ["user"] = "UALICE", ["text"] = newText, ["ts"] = ts, ["edited"] = new JsonObject { ["user"] = "UALICE", ["ts"] = "1790000500.000000" } };
        if (botId is not null)
        {
            message["bot_id"] = botId;
        }

        return new JsonObject
        {
            ["type"] = "message", ["subtype"] = "message_changed", ["channel"] = channel, ["hidden"] = true, ["message"] = message,
            ["previous_message"] = new JsonObject { ["type"] = "message", ["user"] = "UALICE", ["text"] = "old", ["ts"] = ts },
            ["event_ts"] = "1790000500.000100", ["ts"] = "1790000500.000100",
        };
    }

    public static JsonObject MessageDeleted(string channel, string ts) => new()
    {
        ["type"] = "message", ["subtype"] = "message_deleted", ["channel"] = channel, ["hidden"] = true, ["deleted_ts"] = ts,
        ["previous_message"] = new JsonObject { ["type"] = "message", ["user"] = "UALICE", ["text"] = "was here", ["ts"] = ts },
        ["event_ts"] = "1790000600.000100", ["ts"] = "1790000600.000100",
    };
}
