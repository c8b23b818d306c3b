using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ImtBot.Teams.Testing;

/// <summary>
/// Graph's rules for group chats (<c>POST /chats</c>, <c>POST /chats/{id}/installedApps</c>) and the Connector's rule
/// that a bot posts only into a chat its app is installed in (403 <c>BotNotInConversationRoster</c> otherwise).
/// </summary>
public sealed partial class TeamsServiceRules
{
    /// <summary>Teams' largest group chat.</summary>
    public const int MaxChatMembers = 250;

    private readonly Dictionary<string, (int Members, bool AppInstalled)> chats = new(StringComparer.Ordinal);

    /// <summary>The chats created through the fake Graph: members, and whether the bot's app was installed in it.</summary>
    public IReadOnlyDictionary<string, (int Members, bool AppInstalled)> Chats
    {
        get
        {
            lock (limitsGate)
            {
                return new Dictionary<string, (int, bool)>(chats);
            }
        }
    }

    private HttpResponseMessage? CheckChat(RecordedRequest request, string chat, string rest)
    {
        if (request.Method != HttpMethod.Post)
        {
            return null;
        }

        if (chat.Length == 0)
        {
            return GrantedGraphPermissions.Contains(ChatCreate)
                ? CheckNewChat(request.Body)
                : Error(HttpStatusCode.Forbidden, "Forbidden", $"Missing role permissions on the request. API requires one of '{ChatCreate}'.");
        }

        if (rest == "/installedApps")
        {
            if (!GrantedGraphPermissions.Contains(ChatInstallApp))
            {
                return Error(HttpStatusCode.Forbidden, "Forbidden", $"Missing role permissions on the request. API requires one of '{ChatInstallApp}'.");
            }

            return ReadPath(request.Body, "teamsApp@odata.bind") is { } app && CatalogApp().IsMatch(app)
                ? null
                : Error(HttpStatusCode.BadRequest, "BadRequest", "teamsApp@odata.bind must be https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{id}.");
        }

        if (rest == "/members")
        {
            if (!GrantedGraphPermissions.Contains(ChatMemberAdd))
            {
                return Error(HttpStatusCode.Forbidden, "Forbidden", $"Missing role permissions on the request. API requires one of '{ChatMemberAdd}'.");
            }

            return IsMember(request.Body)
                ? null
                : Error(HttpStatusCode.BadRequest, "BadRequest", "The member must be an aadUserConversationMember with roles [owner] or [guest] and user@odata.bind https://graph.microsoft.com/v1.0/users('{id}').");
        }

        return null;
    }

    private static bool IsMember(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return IsMember(doc.RootElement, out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsMember(JsonElement m, out string user)
    {
        user = "";
        if (m.ValueKind != JsonValueKind.Object
            || !m.TryGetProperty("@odata.type", out var odata) || odata.GetString() != "#microsoft.graph.aadUserConversationMember"
            || !m.TryGetProperty("roles", out var roles) || roles.ValueKind != JsonValueKind.Array
            || roles.EnumerateArray().Select(r => r.GetString()).ToList() is not ([("owner" or "guest")])
            || !m.TryGetProperty("user@odata.bind", out var bind) || bind.GetString() is not { } bound || !UserBind().IsMatch(bound))
        {
            return false;
        }

        user = bound;
        return true;
    }

    /// <summary>
    /// <c>chatType</c> <c>group</c> (2 to 250 members, optional <c>topic</c>) or <c>oneOnOne</c> (exactly 2, no topic); every
    /// member an <c>aadUserConversationMember</c> with the role <c>owner</c> or <c>guest</c> and a <c>user@odata.bind</c>.
    /// </summary>
    private static HttpResponseMessage? CheckNewChat(string body)
    {
        static HttpResponseMessage Bad(string why) => Error(HttpStatusCode.BadRequest, "BadRequest", why);
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            var type = root.TryGetProperty("chatType", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (type is not ("group" or "oneOnOne"))
            {
                return Bad("chatType must be group or oneOnOne.");
            }

            if (root.TryGetProperty("topic", out var topic) && topic.ValueKind != JsonValueKind.Null
                && (type != "group" || topic.ValueKind != JsonValueKind.String))
            {
                return Bad("A topic can be given only to a group chat, as a string.");
            }

            if (!root.TryGetProperty("members", out var members) || members.ValueKind != JsonValueKind.Array)
            {
                return Bad("members is required.");
            }

            var count = members.GetArrayLength();
            if (type == "oneOnOne" ? count != 2 : count is < 2 or > MaxChatMembers)
            {
                return Bad($"A {type} chat cannot have {count} members.");
            }

            var users = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var m in members.EnumerateArray())
            {
                if (!IsMember(m, out var user))
                {
                    return Bad("Each member must be an aadUserConversationMember with roles [owner] or [guest] and user@odata.bind https://graph.microsoft.com/v1.0/users('{id}').");
                }

                if (!users.Add(user))
                {
                    return Bad("A member is listed twice.");
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return Bad("The body is not JSON.");
        }
    }

    private HttpResponseMessage? CheckChatRoster(string conversation)
    {
        lock (limitsGate)
        {
            return chats.TryGetValue(conversation.Split(';', 2)[0], out var chat) && !chat.AppInstalled
                ? Error(HttpStatusCode.Forbidden, "BotNotInConversationRoster", "The bot is not part of the conversation roster.")
                : null;
        }
    }

    private void ObserveChat(RecordedRequest request, Uri uri)
    {
        if (GraphChats().Match(uri.AbsolutePath) is not { Success: true } match || !uri.Host.StartsWith("graph", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        lock (limitsGate)
        {
            var chat = Uri.UnescapeDataString(match.Groups["chat"].Value);
            if (chat.Length == 0 && ReadPath(request.ResponseBody ?? "", "id") is { } id)
            {
                using var doc = JsonDocument.Parse(request.Body);
                chats[id] = (doc.RootElement.GetProperty("members").GetArrayLength(), false);
            }
            else if (match.Groups["rest"].Value == "/installedApps" && chats.TryGetValue(chat, out var known))
            {
                chats[chat] = known with { AppInstalled = true };
            }
        }
    }

    [GeneratedRegex(@"/chats(/(?<chat>[^/]+)(?<rest>/[^?]*)?)?$")]
    private static partial Regex GraphChats();

    [GeneratedRegex(@"^https://graph\.[a-z.]+/v1\.0/users\('[^'/]+'\)$")]
    private static partial Regex UserBind();

    [GeneratedRegex(@"^https://graph\.[a-z.]+/v1\.0/appCatalogs/teamsApps/[^/]+$")]
    private static partial Regex CatalogApp();
}
