using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ImtBot.Teams.Testing;

/// <summary>
/// What the real Bot Connector and Microsoft Graph refuse, checked by <see cref="FakeHttp"/> before any route answers,
/// so a test cannot pass with a request the real services would reject: a channel name Teams does not accept → 400,
/// a Graph call without the permission it needs → 403, an activity without <c>conversation.id</c> → 400. Written from
/// the platforms' documented rules, independently of the adapter's own code.
/// </summary>
public sealed partial class TeamsServiceRules
{
    public const string ChannelCreate = "Channel.Create.Group";
    public const string ChannelRead = "ChannelSettings.Read.Group";
    public const string MessageRead = "ChannelMessage.Read.Group";
    public const string ChannelArchive = "ChannelSettings.ReadWrite.All";
    public const string ChatCreate = "Chat.Create";
    public const string ChatInstallApp = "TeamsAppInstallation.ReadWriteSelfForChat.All";
    public const string ChatMemberAdd = "ChatMember.ReadWrite.All";

    /// <summary>Teams refuses these anywhere in a channel name (besides <c>..</c>, control characters, a leading <c>_</c>/<c>.</c> and a trailing <c>.</c>).</summary>
    private const string ForbiddenInChannelNames = "~#%&*{}+/\\:<>?|'\",";

    /// <summary>The Graph permissions the app holds in the fake tenant; by default every one ImtBot can use. Remove one to test a 403.</summary>
    public HashSet<string> GrantedGraphPermissions { get; } = new(StringComparer.Ordinal) { ChannelCreate, ChannelRead, MessageRead, ChannelArchive, ChatCreate, ChatInstallApp, ChatMemberAdd };

    /// <summary>The clock the limits are measured on (a test's fake clock); the time each request arrived is recorded on it.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>The answer the real service would give instead of the route's, or null when the request is acceptable.</summary>
    public HttpResponseMessage? Check(RecordedRequest request)
    {
        var uri = new Uri(request.Url);
        var graphHost = uri.Host.StartsWith("graph", StringComparison.OrdinalIgnoreCase);
        if (graphHost && GraphChannels().Match(uri.AbsolutePath) is { Success: true } graph)
        {
            return CheckGraph(request, graph.Groups["team"].Value, graph.Groups["rest"].Value) ?? Throttle(request.At, "team:" + graph.Groups["team"].Value);
        }

        if (graphHost && GraphChats().Match(uri.AbsolutePath) is { Success: true } chat)
        {
            return CheckChat(request, chat.Groups["chat"].Value, chat.Groups["rest"].Value);
        }

        if (ConnectorActivities().Match(uri.AbsolutePath) is { Success: true } activity && (request.Method == HttpMethod.Post || request.Method == HttpMethod.Put))
        {
            if (!HasConversationId(request.Body))
            {
                return Error(HttpStatusCode.BadRequest, "BadArgument", "The activity must include conversation.id.");
            }

            var conversation = Uri.UnescapeDataString(activity.Groups["conversation"].Value);
            return CheckChatRoster(conversation) ?? Throttle(request.At, "conversation:" + conversation, ConnectorTenant(uri));
        }

        if (request.Method == HttpMethod.Post && uri.AbsolutePath.EndsWith("/v3/conversations", StringComparison.Ordinal)
            && ReadPath(request.Body, "channelData", "channel", "id") is { } channel)
        {
            return Throttle(request.At, "conversation:" + channel, ConnectorTenant(uri));
        }

        // Every other Connector request (a new 1:1 chat, a member or team read) counts towards the tenant's limit alone.
        return !graphHost && ConnectorTenant(uri) is { } tenant ? Throttle(request.At, tenant) : null;
    }

    /// <summary>Teams' channel naming rule: at most 50 characters, none of the forbidden characters, no <c>..</c>, and no leading <c>_</c>/<c>.</c> or trailing <c>.</c>.</summary>
    public static bool IsAcceptedChannelName(string name) =>
        name.Trim().Length > 0
        && name.Length <= 50
        && name.IndexOfAny(ForbiddenInChannelNames.ToCharArray()) < 0
        && !name.Any(c => c < 0x20 || c is >= '\u0080' and <= '\u009f')
        && !name.Contains("..", StringComparison.Ordinal)
        && name[0] is not ('_' or '.')
        && name[^1] != '.';

    private HttpResponseMessage? CheckGraph(RecordedRequest request, string team, string rest)
    {
        var needed = (request.Method.Method, rest) switch
        {
            ("POST", "") => ChannelCreate,
            ("GET", "") => ChannelRead,
            ("GET", var r) when r.EndsWith("/messages", StringComparison.Ordinal) => MessageRead,
            ("POST", var r) when r.EndsWith("/archive", StringComparison.Ordinal) => ChannelArchive,
            _ => null,
        };
        if (needed is not null && !GrantedGraphPermissions.Contains(needed))
        {
            return Error(HttpStatusCode.Forbidden, "Forbidden", $"Missing role permissions on the request. API requires one of '{needed}'.");
        }

        if (request.Method == HttpMethod.Post && rest.Length == 0
            && (ReadString(request.Body, "displayName") is not { } name || !IsAcceptedChannelName(name)))
        {
            return Error(HttpStatusCode.BadRequest, "BadRequest", "Channel name contains invalid characters or is too long.");
        }

        if (request.Method == HttpMethod.Post && rest.Length == 0 && ChannelCount(team, request.At) >= ChannelsPerTeam)
        {
            return Error(HttpStatusCode.BadRequest, "BadRequest", ChannelLimitMessage);
        }

        return null;
    }

    private static bool HasConversationId(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("conversation", out var conversation) && conversation.ValueKind == JsonValueKind.Object
                && conversation.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString()!.Length > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? ReadPath(string body, params string[] path)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var e = doc.RootElement;
            foreach (var p in path)
            {
                if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(p, out e))
                {
                    return null;
                }
            }

            return e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? ReadString(string body, string property)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(property, out var p) && p.ValueKind == JsonValueKind.String
                ? p.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static HttpResponseMessage Error(HttpStatusCode status, string code, string message) =>
        FakeHttp.Json(status, JsonSerializer.Serialize(new { error = new { code, message } }));

    [GeneratedRegex(@"/teams/(?<team>[^/]+)/channels(?<rest>/[^?]*)?$")]
    private static partial Regex GraphChannels();

    [GeneratedRegex(@"/v3/conversations/(?<conversation>[^/]+)/activities(/[^/]+)?$")]
    private static partial Regex ConnectorActivities();
}
