namespace ImtBot.Slack.Tests.Payloads;

/// <summary>
/// Payloads shaped like the examples in Slack's reference docs (interaction payloads, Events API, Socket Mode):
/// the full set of fields Slack sends, most of which the bot never reads, so the records are tested against
/// the real shape rather than the trimmed one the other tests build.
/// </summary>
internal static class DocExamples
{
    public const string BlockActionsButton = """
        {
          "type": "block_actions",
          "team": { "id": "T9TK3CUKW", "domain": "example" },
          "user": { "id": "UA8RXUSPL", "username": "jtorrance", "name": "jtorrance", "team_id": "T9TK3CUKW" },
          "api_app_id": "AABA1ABCD",
          "token": "9s8d9as89d8as9d8as989",
          "container": { "type": "message", "message_ts": "1548261231.000200", "channel_id": "CBR2V3XEX", "is_ephemeral": false },
          "trigger_id": "12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3",
          "channel": { "id": "CBR2V3XEX", "name": "review-updates" },
          "message": {
            "bot_id": "BAH5CA16Z", "type": "message", "text": "This content can't be displayed.", "user": "UAJ2RU415", "ts": "1548261231.000200",
            "blocks": [ { "type": "actions", "block_id": "page", "elements": [ { "type": "button", "action_id": "ack", "text": { "type": "plain_text", "text": "Acknowledge", "emoji": true }, "value": "ack INC-42" } ] } ]
          },
          "state": { "values": {} },
          "response_url": "https://hooks.slack.com/actions/AABA1ABCD/1232321423432/D09sSasdasdAS9091209",
          "actions": [
            { "action_id": "ack", "block_id": "page", "text": { "type": "plain_text", "text": "Acknowledge", "emoji": true }, "value": "ack INC-42", "type": "button", "action_ts": "1548426417.840180" }
          ]
        }
        """;

    public const string BlockActionsSelects = """
        {
          "type": "block_actions",
          "user": { "id": "UA8RXUSPL", "username": "jtorrance", "name": "jtorrance", "team_id": "T9TK3CUKW" },
          "api_app_id": "AABA1ABCD",
          "container": { "type": "message", "message_ts": "1548261231.000200", "channel_id": "CBR2V3XEX", "is_ephemeral": true },
          "trigger_id": "12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3",
          "response_url": "https://hooks.slack.com/actions/AABA1ABCD/1232321423432/D09sSasdasdAS9091209",
          "state": {
            "values": {
              "who": { "user": { "type": "users_select", "selected_user": "U0BOB" } },
              "when": { "due": { "type": "datepicker", "selected_date": "2026-11-30" } }
            }
          },
          "actions": [
            { "type": "static_select", "action_id": "sev", "block_id": "sev", "selected_option": { "text": { "type": "plain_text", "text": "SEV2", "emoji": true }, "value": "sev2 INC-42" }, "placeholder": { "type": "plain_text", "text": "Severity" }, "action_ts": "1548426417.840181" },
            { "type": "overflow", "action_id": "more", "block_id": "more", "selected_option": { "text": { "type": "plain_text", "text": "Resolve" }, "value": "resolve INC-42" }, "action_ts": "1548426417.840182" },
            { "type": "radio_buttons", "action_id": "kind", "block_id": "kind", "selected_option": { "text": { "type": "plain_text", "text": "Drill" }, "value": "drill" }, "action_ts": "1548426417.840183" },
            { "type": "users_select", "action_id": "role commander INC-42", "block_id": "roles", "selected_user": "U0BOB", "initial_user": "U0ALICE", "action_ts": "1548426417.840184" }
          ]
        }
        """;

    public const string ViewSubmission = """
        {
          "type": "view_submission",
          "team": { "id": "T9TK3CUKW", "domain": "example" },
          "user": { "id": "UA8RXUSPL", "username": "jtorrance", "name": "jtorrance", "team_id": "T9TK3CUKW" },
          "api_app_id": "AABA1ABCD",
          "token": "9s8d9as89d8as9d8as989",
          "trigger_id": "12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3",
          "view": {
            "id": "VNHU13V36",
            "type": "modal",
            "title": { "type": "plain_text", "text": "Declare an incident" },
            "submit": { "type": "plain_text", "text": "Declare" },
            "blocks": [],
            "private_metadata": "{\"channel\":\"CBR2V3XEX\",\"nonce\":\"5f2b\"}",
            "callback_id": "imtbot_declare",
            "state": {
              "values": {
                "title": { "text": { "type": "plain_text_input", "value": "Checkout failing" } },
                "severity": { "severity": { "type": "static_select", "selected_option": { "text": { "type": "plain_text", "text": "SEV1" }, "value": "sev1" } } },
                "drill": { "drill": { "type": "checkboxes", "selected_options": [ { "text": { "type": "plain_text", "text": "This is a drill" }, "value": "drill" } ] } }
              }
            },
            "hash": "156663117.cd33ad1f",
            "clear_on_close": false,
            "notify_on_close": false,
            "root_view_id": "VNHU13V36",
            "app_id": "AABA1ABCD",
            "external_id": "",
            "app_installed_team_id": "T9TK3CUKW",
            "bot_id": "BAH5CA16Z"
          },
          "response_urls": [],
          "is_enterprise_install": false,
          "enterprise": null
        }
        """;

    public const string UrlVerification = """
        {
          "token": "Jhj5dZrVaK7ZwHHjRyZWjbDl",
          "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
          "type": "url_verification"
        }
        """;

    public const string AppMention = """
        {
          "token": "ZZZZZZWSxiZZZ2yIvs3peJ",
          "team_id": "T123ABC456",
          "api_app_id": "A123ABC456",
          "event": {
            "type": "app_mention",
            "user": "U123ABC456",
            "text": "<@U0LAN0Z89> declare checkout failing sev2",
            "ts": "1515449522.000016",
            "channel": "C123ABC456",
            "event_ts": "1515449522000016",
            "blocks": []
          },
          "type": "event_callback",
          "authed_users": [ "U0LAN0Z89" ],
          "authorizations": [ { "enterprise_id": null, "team_id": "T123ABC456", "user_id": "U0LAN0Z89", "is_bot": true, "is_enterprise_install": false } ],
          "event_context": "4-eyJldCI6ImFwcF9tZW50aW9uIn0",
          "event_id": "Ev123ABC456",
          "event_time": 1515449522
        }
        """;

    public const string ReactionAdded = """
        {
          "type": "event_callback",
          "team_id": "T123ABC456",
          "event_id": "Ev123ABC457",
          "event_time": 1360782804,
          "authorizations": [ { "team_id": "T123ABC456", "user_id": "U0LAN0Z89", "is_bot": true } ],
          "event": {
            "type": "reaction_added",
            "user": "U123ABC456",
            "reaction": "pushpin",
            "item_user": "U222222222",
            "item": { "type": "message", "channel": "C123ABC456", "ts": "1360782400.498405" },
            "event_ts": "1360782804.083113"
          }
        }
        """;

    public const string MessageChanged = """
        {
          "type": "event_callback",
          "event_id": "Ev123ABC458",
          "event_time": 1358878755,
          "event": {
            "type": "message",
            "subtype": "message_changed",
            "hidden": true,
            "channel": "C123ABC456",
            "ts": "1358878755.000001",
            "message": { "type": "message", "user": "U123ABC456", "text": "Hello, world!", "ts": "1355517523.000005", "edited": { "user": "U123ABC456", "ts": "1358878755.000001" } },
            "previous_message": { "type": "message", "user": "U123ABC456", "text": "Hello", "ts": "1355517523.000005" },
            "event_ts": "1358878755.000001"
          }
        }
        """;

    public const string MessageDeleted = """
        {
          "type": "event_callback",
          "event_id": "Ev123ABC459",
          "event_time": 1358878755,
          "event": {
            "type": "message",
            "subtype": "message_deleted",
            "hidden": true,
            "channel": "C123ABC456",
            "ts": "1358878755.000001",
            "deleted_ts": "1358878749.000002",
            "previous_message": { "type": "message", "user": "U123ABC456", "text": "gone", "ts": "1358878749.000002" },
            "event_ts": "1358878755.000001"
          }
        }
        """;

    public const string Hello = """
        { "type": "hello", "num_connections": 1, "debug_info": { "host": "applink-7fc4fdbb64-4x5xq", "build_number": 10, "approximate_connection_time": 18060 }, "connection_info": { "app_id": "A01K58AR4RF" } }
        """;

    public const string Disconnect = """
        { "type": "disconnect", "reason": "refresh_requested", "debug_info": { "host": "applink-7fc4fdbb64-4x5xq" } }
        """;

    public const string SocketSlashCommand = """
        {
          "payload": {
            "token": "bHKJ2n9AW6Ju3MjciOHfbA1b", "team_id": "T0123ABC456", "team_domain": "maria", "channel_id": "C0123ABC456", "channel_name": "general",
            "user_id": "U0123ABC456", "user_name": "rainer", "command": "/incident", "text": "status", "api_app_id": "A0123ABC456",
            "is_enterprise_install": "false", "response_url": "https://hooks.slack.com/commands/T0123ABC456/1234567890/abc", "trigger_id": "1234567890.0123456789.abc"
          },
          "envelope_id": "1d3c79ab-0ffb-41f3-a080-d19e85f53649",
          "type": "slash_commands",
          "accepts_response_payload": true
        }
        """;

    public const string SocketEventsApi = """
        {
          "payload": { "type": "event_callback", "event_id": "Ev123ABC460", "event": { "type": "app_mention", "user": "U123ABC456", "text": "<@U0LAN0Z89> status", "channel": "C123ABC456", "ts": "1.2" } },
          "envelope_id": "dbdd0ef3-1543-4f94-bfb4-133d0e6c1545",
          "type": "events_api",
          "accepts_response_payload": false,
          "retry_attempt": 1,
          "retry_reason": "timeout"
        }
        """;
}
