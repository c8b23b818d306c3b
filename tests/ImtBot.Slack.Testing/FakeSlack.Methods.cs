using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ImtBot.Slack.Testing;

public sealed partial class FakeSlack
{
    private JsonObject Apply(string method, JsonObject args)
    {
        string? Arg(string name) => args[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : args[name]?.ToJsonString();
        FakeChannel? Channel(string name = "channel") => Arg(name) is { } id && Channels.TryGetValue(id, out var c) ? c : null;

        switch (method)
        {
            case "auth.test":
                return Ok(new() { ["user_id"] = BotUserId, ["team_id"] = "T1" });
            case "apps.connections.open":
                return Ok(new() { ["url"] = new Uri(BaseUrl, "link?ticket=" + Interlocked.Increment(ref tickets)).AbsoluteUri.Replace("http://", "ws://", StringComparison.Ordinal) });
            case "conversations.create":
                var name = Arg("name") ?? "";
                if (name.Length == 0)
                {
                    return Error("invalid_name_required");
                }

                if (name.Length > 80)
                {
                    return Error("invalid_name_maxlength");
                }

                if (!NameRule().IsMatch(name))
                {
                    return Error("invalid_name_specials");
                }

                if (Channels.Values.Any(c => c.Name == name))
                {
                    return Error("name_taken");
                }

                // is_private is a boolean (Slack also takes the strings "true"/"false" in a form post).
                var isPrivate = args["is_private"] is JsonValue p && (p.TryGetValue<bool>(out var b) ? b : p.TryGetValue<string>(out var t) && t == "true");
                var created = new FakeChannel((isPrivate ? "G" : "C") + nextId++, name, BotUserId) { IsPrivate = isPrivate, Created = Clock.GetUtcNow() };
                created.Members.Add(BotUserId);
                Channels[created.Id] = created;
                return Ok(new() { ["channel"] = created.ToJson() });
            case "conversations.list":
                return Ok(new() { ["channels"] = new JsonArray(Channels.Values.Where(c => !c.Id.StartsWith('D')).Select(c => (JsonNode)c.ToJson()).ToArray()), ["response_metadata"] = new JsonObject { ["next_cursor"] = "" } });
            case "conversations.info":
                return Channel() is { } info ? Ok(new() { ["channel"] = info.ToJson() }) : Error("channel_not_found");
            case "conversations.setTopic" or "conversations.setPurpose":
                var target = Channel();
                var value = Arg(method.EndsWith("Topic", StringComparison.Ordinal) ? "topic" : "purpose") ?? "";
                if (target is null)
                {
                    return Error("channel_not_found");
                }

                if (value.Length > 250)
                {
                    return Error("too_long");
                }

                if (target.Archived)
                {
                    return Error("is_archived");
                }

                if (method.EndsWith("Topic", StringComparison.Ordinal))
                {
                    target.Topic = value;
                }
                else
                {
                    target.Purpose = value;
                }

                return Ok();
            case "conversations.invite":
                var room = Channel();
                var user = Arg("users") ?? "";
                if (room is null)
                {
                    return Error("channel_not_found");
                }

                if (user == BotUserId)
                {
                    return Error("cant_invite_self");
                }

                if (!Users.ContainsKey(user))
                {
                    return Error("user_not_found");
                }

                return room.Members.Add(user) ? Ok(new() { ["channel"] = room.ToJson() }) : Error("already_in_channel");
            case "conversations.archive":
                var old = Channel();
                if (old is null)
                {
                    return Error("channel_not_found");
                }

                if (old.Archived)
                {
                    return Error("already_archived");
                }

                old.Archived = true;
                return Ok();
            case "conversations.open":
                var with = Arg("users") ?? "";
                if (!Users.ContainsKey(with))
                {
                    return Error("user_not_found");
                }

                var dmId = "D" + with;
                if (!Channels.ContainsKey(dmId))
                {
                    var dm = new FakeChannel(dmId, "", with);
                    dm.Members.Add(BotUserId);
                    dm.Members.Add(with);
                    Channels[dmId] = dm;
                }

                return Ok(new() { ["channel"] = new JsonObject { ["id"] = dmId } });
            case "conversations.history":
                var history = Channel();
                if (history is null)
                {
                    return Error("channel_not_found");
                }

                if (!history.Members.Contains(BotUserId))
                {
                    return Error("not_in_channel");
                }

                // As Slack: newest first between oldest and latest (exclusive unless inclusive), at most
                // HistoryLimit a page whatever limit asks (15 for an app not in the Marketplace), the next page by
                // cursor, and metadata only with include_all_metadata.
                var latest = Arg("latest");
                var oldest = Arg("oldest");
                var inclusive = Arg("inclusive") is "true" or "1";
                var withMetadata = Arg("include_all_metadata") is "true" or "1";
                var limit = Math.Min(int.TryParse(Arg("limit"), out var l) && l > 0 ? l : 100, HistoryLimit);
                var before = Arg("cursor") is { Length: > 0 } cursor ? Encoding.UTF8.GetString(Convert.FromBase64String(cursor)) : null;
                var window = history.Messages
                    .Where(m => latest is null || string.CompareOrdinal((string)m["ts"]!, latest) < 0 || (inclusive && (string)m["ts"]! == latest))
                    .Where(m => oldest is null || string.CompareOrdinal((string)m["ts"]!, oldest) > 0 || (inclusive && (string)m["ts"]! == oldest))
                    .Where(m => before is null || string.CompareOrdinal((string)m["ts"]!, before) < 0)
                    .Reverse().ToList();
                var messages = window.Take(limit).Select(m =>
                {
                    var copy = m.DeepClone().AsObject();
                    if (!withMetadata)
                    {
                        copy.Remove("metadata");
                    }

                    return (JsonNode)copy;
                }).ToArray();
                var hasMore = window.Count > limit;
                var next = hasMore ? Convert.ToBase64String(Encoding.UTF8.GetBytes((string)messages[^1]!["ts"]!)) : "";
                return Ok(new() { ["messages"] = new JsonArray(messages), ["has_more"] = hasMore, ["response_metadata"] = new JsonObject { ["next_cursor"] = next } });
            case "chat.postMessage":
                var to = Channel();
                if (to is null)
                {
                    return Error("channel_not_found");
                }

                if (to.Archived)
                {
                    return Error("is_archived");
                }

                if (!to.Members.Contains(BotUserId))
                {
                    return Error("not_in_channel");
                }

                var posted = new JsonObject { ["type"] = "message", ["ts"] = NextTs(), ["user"] = BotUserId, ["bot_id"] = "BBOT", ["text"] = Arg("text") ?? "" };
                foreach (var key in new[] { "blocks", "metadata" })
                {
                    if (args[key] is { } node)
                    {
                        posted[key] = node is JsonValue ? JsonNode.Parse(node.GetValue<string>()) : node.DeepClone();
                    }
                }

                to.Messages.Add(posted);
                return Ok(new() { ["channel"] = to.Id, ["ts"] = posted["ts"]!.DeepClone() });
            case "chat.update":
                var where = Channel();
                var existing = where?.Messages.FirstOrDefault(m => (string)m["ts"]! == Arg("ts"));
                if (existing is null)
                {
                    return Error("message_not_found");
                }

                existing["text"] = Arg("text");
                existing["blocks"] = args["blocks"]?.DeepClone();
                existing["edited"] = new JsonObject { ["ts"] = NextTs() };
                return Ok(new() { ["channel"] = where!.Id, ["ts"] = existing["ts"]!.DeepClone() });
            case "chat.postEphemeral":
                Ephemerals.Enqueue(args);
                return Ok(new() { ["message_ts"] = NextTs() });
            case "views.open":
                if (string.IsNullOrEmpty(Arg("trigger_id")))
                {
                    return Error("invalid_trigger_id");
                }

                OpenedViews.Enqueue(args);
                return Ok(new() { ["view"] = new JsonObject { ["id"] = "V" + nextId++ } });
            case "users.info":
                return Arg("user") is { } uid && Users.TryGetValue(uid, out var uname)
                    ? Ok(new() { ["user"] = new JsonObject { ["id"] = uid, ["name"] = uname.ToLowerInvariant(), ["profile"] = new JsonObject { ["display_name"] = uname } } })
                    : Error("user_not_found");
            case "pins.add":
                var pinned = Channel();
                if (pinned is null)
                {
                    return Error("channel_not_found");
                }

                return pinned.Pins.Add(Arg("timestamp") ?? "") ? Ok() : Error("already_pinned");
            default:
                return Error("unknown_method");
        }
    }

    [GeneratedRegex("^[a-z0-9_-]{1,80}$")]
    private static partial Regex NameRule();
}
