using System.Text.Json;
using ImtBot.Slack.Inbound;
using ImtBot.Slack.Payloads;

namespace ImtBot.Slack.Tests.Payloads;

/// <summary>The payload records read Slack's documented shapes, and refuse what Slack never sends with a clear reason.</summary>
public sealed class SlackPayloadReadingTests
{
    private static T Read<T>(string json) where T : notnull => SlackJson.Read<T>(json, "test payload");

    [Fact]
    public void BlockActions_Button_ReadsUserChannelActionAndUrls()
    {
        var payload = Read<BlockActionsPayload>(DocExamples.BlockActionsButton);

        Assert.Equal(("UA8RXUSPL", "jtorrance"), (payload.User.Id, payload.User.DisplayName));
        Assert.Equal("CBR2V3XEX", payload.ChannelId);
        Assert.Equal(("message", "1548261231.000200", false), (payload.Container!.Type, payload.Container.MessageTs, payload.Container.IsEphemeral));
        Assert.StartsWith("12321423423.", payload.TriggerId, StringComparison.Ordinal);
        Assert.StartsWith("https://hooks.slack.com/actions/", payload.ResponseUrl, StringComparison.Ordinal);
        var action = Assert.Single(payload.Actions);
        Assert.Equal(("button", "ack", "page", "ack INC-42", "1548426417.840180"), (action.Type, action.ActionId, action.BlockId, action.Value, action.ActionTs));
        Assert.Empty(payload.State!.Values);
    }

    [Fact]
    public void BlockActions_SelectsOverflowRadioAndState_ReadTheirSelections()
    {
        var payload = Read<BlockActionsPayload>(DocExamples.BlockActionsSelects);

        Assert.Null(payload.Channel);
        Assert.Equal("CBR2V3XEX", payload.ChannelId); // from the container
        Assert.Equal(["sev2 INC-42", "resolve INC-42", "drill", null], payload.Actions.Select(a => a.SelectedOption?.Value));
        Assert.Equal("U0BOB", payload.Actions[3].SelectedUser);
        var inputs = payload.State!.ByActionId();
        Assert.Equal("U0BOB", inputs["user"].SelectedUser);
        Assert.Equal("2026-11-30", inputs["due"].Extra!["selected_date"].GetString()); // kinds the bot does not read are kept
    }

    [Fact]
    public void ViewSubmission_ReadsCallbackMetadataAndTheDeclareForm()
    {
        var payload = Read<ViewSubmissionPayload>(DocExamples.ViewSubmission);

        Assert.Equal(("VNHU13V36", "imtbot_declare"), (payload.View.Id, payload.View.CallbackId));
        Assert.Equal(new DeclareMetadata("CBR2V3XEX", "5f2b"), DeclareMetadata.Read(payload.View.PrivateMetadata));
        Assert.Equal(new DeclareForm("Checkout failing", 1, true, "title"), DeclareForm.Read(payload.View.State!.Values));
    }

    [Fact]
    public void ViewSubmission_AnswersWrittenBack_AreTheSameEveryTime()
    {
        var once = SlackJson.Write(Read<ViewSubmissionPayload>(DocExamples.ViewSubmission).View.State!.Values);
        var again = SlackJson.Write(Read<ViewSubmissionPayload>(DocExamples.ViewSubmission).View.State!.Values);

        Assert.Equal(once, again);
        Assert.Contains("This is a drill", once, StringComparison.Ordinal); // option texts are part of the answers' digest
    }

    [Fact]
    public void EventEnvelope_UrlVerification_ReadsTheChallenge()
    {
        var envelope = Read<EventEnvelope>(DocExamples.UrlVerification);

        Assert.Equal((EventEnvelope.UrlVerification, "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"), (envelope.Type, envelope.Challenge));
        Assert.Null(envelope.Event);
    }

    [Fact]
    public void EventEnvelope_AppMention_ReadsIdsBotUserAndTheEvent()
    {
        var envelope = Read<EventEnvelope>(DocExamples.AppMention);

        Assert.Equal((EventEnvelope.EventCallback, "Ev123ABC456", 1515449522L, "U0LAN0Z89"), (envelope.Type, envelope.EventId, envelope.EventTime, envelope.BotUserId));
        var kind = SlackJson.Read<PayloadType>(envelope.Event!.Value, "event");
        Assert.Equal("app_mention", kind.Type);
        var mention = SlackJson.Read<AppMentionEvent>(envelope.Event.Value, "event");
        Assert.Equal(("U123ABC456", "C123ABC456", "1515449522.000016"), (mention.User, mention.Channel, mention.Ts));
        Assert.Null(mention.BotId);
    }

    [Fact]
    public void Events_ReactionChangedAndDeleted_ReadWhatTheAdapterUses()
    {
        var reaction = SlackJson.Read<ReactionAddedEvent>(Read<EventEnvelope>(DocExamples.ReactionAdded).Event!.Value, "event");
        var changedEvent = Read<EventEnvelope>(DocExamples.MessageChanged).Event!.Value;
        var changed = SlackJson.Read<MessageChangedEvent>(changedEvent, "event");
        var deleted = SlackJson.Read<MessageDeletedEvent>(Read<EventEnvelope>(DocExamples.MessageDeleted).Event!.Value, "event");

        Assert.Equal(("pushpin", "message", "C123ABC456", "1360782400.498405"), (reaction.Reaction, reaction.Item!.Type, reaction.Item.Channel, reaction.Item.Ts));
        Assert.Equal(MessageChangedEvent.Subtype, SlackJson.Read<PayloadType>(changedEvent, "event").Subtype);
        Assert.Equal(("Hello, world!", "1355517523.000005", "1358878755.000001"), (changed.Message!.Text, changed.Message.Ts, changed.Message.Edited!.Ts));
        Assert.Equal(("1358878749.000002", "gone"), (deleted.DeletedTs, deleted.PreviousMessage!.Text));
    }

    [Fact]
    public void SocketMode_HelloDisconnectAndEnvelopes_Read()
    {
        var slash = Read<SocketModeEnvelope>(DocExamples.SocketSlashCommand);
        var events = Read<SocketModeEnvelope>(DocExamples.SocketEventsApi);

        Assert.Equal(1, Read<SocketModeHello>(DocExamples.Hello).NumConnections);
        Assert.Equal("refresh_requested", Read<SocketModeDisconnect>(DocExamples.Disconnect).Reason);
        Assert.Equal((SocketModeEnvelope.SlashCommands, "1d3c79ab-0ffb-41f3-a080-d19e85f53649", true), (slash.Type, slash.EnvelopeId, slash.AcceptsResponsePayload));
        var command = SlackJson.Read<SlashCommandPayload>(slash.Payload!.Value, "slash command");
        Assert.Equal(("/incident", "status", "U0123ABC456", "rainer", "C0123ABC456", true), (command.Command, command.Text, command.UserId, command.DisplayName, command.ChannelId, command.IsValid));
        Assert.Equal((SocketModeEnvelope.EventsApi, false, 1, "timeout"), (events.Type, events.AcceptsResponsePayload, events.RetryAttempt, events.RetryReason));
        Assert.Equal("Ev123ABC460", SlackJson.Read<EventEnvelope>(events.Payload!.Value, "events").EventId);
    }

    [Fact]
    public void SlashCommand_FromTheFormFields_MatchesTheSocketModeJson()
    {
        var fields = new Dictionary<string, string>
        {
            ["command"] = "/incident", ["text"] = "status", ["user_id"] = "U0123ABC456", ["user_name"] = "rainer", ["channel_id"] = "C0123ABC456",
            ["channel_name"] = "general", ["team_id"] = "T0123ABC456", ["trigger_id"] = "1234567890.0123456789.abc", ["response_url"] = "https://hooks.slack.com/commands/T0123ABC456/1234567890/abc",
        };

        var fromForm = SlashCommandPayload.FromForm(fields.GetValueOrDefault);
        var fromJson = SlackJson.Read<SlashCommandPayload>(Read<SocketModeEnvelope>(DocExamples.SocketSlashCommand).Payload!.Value, "slash command");

        Assert.Equal(fromJson, fromForm);
        Assert.Equal("U1", SlashCommandPayload.FromForm(name => name == "user_id" ? "U1" : null).DisplayName); // no user_name: the id
    }

    [Theory]
    [InlineData("""{"type":"view_submission","view":{}}""", "'user'")]
    [InlineData("""{"type":"view_submission","user":null,"view":{}}""", "$.user")]
    [InlineData("""{"type":"view_submission","user":{"name":"x"},"view":{}}""", "'id'")]
    [InlineData("""{"type":"view_submission","user":{"id":"U1"},"view":{"state":{"values":[]}}}""", "$.view.state.values")]
    [InlineData("""{"type":"view_submission","user":{"id":"U1"},"view":""", "ViewSubmissionPayload")]
    public void ViewSubmission_NotWhatSlackSends_IsAPayloadExceptionThatSaysWhere(string json, string where)
    {
        var e = Assert.Throws<SlackPayloadException>(() => SlackJson.Read<ViewSubmissionPayload>(json, "view_submission payload"));

        Assert.Contains("view_submission payload", e.Message, StringComparison.Ordinal);
        Assert.Contains(where, e.ToString(), StringComparison.Ordinal); // the reader's own reason is logged with it
        Assert.IsAssignableFrom<JsonException>(e.InnerException);
    }

    [Fact]
    public void Read_LiteralNull_IsAPayloadException()
    {
        Assert.Throws<SlackPayloadException>(() => SlackJson.Read<EventEnvelope>("null", "event envelope"));
    }
}
