using System.Text;
using System.Text.RegularExpressions;

namespace ImtBot.Teams.Activities;

/// <summary>
/// Turns a Teams message's text into command text: removes the bot's own mention (docs/protocols.md §Teams mentions, literal and
/// case-insensitive, then trimmed) and rewrites every other user mention as <c>&lt;@aadObjectId|Name&gt;</c>.
/// </summary>
internal static class MentionText
{
    /// <param name="resolveUser">Maps a mentioned account to its Entra object id (mentions usually carry only the <c>29:</c> id).</param>
    public static async Task<string> ToCommandTextAsync(Activity activity, Func<ChannelAccount, Task<string?>> resolveUser)
    {
        var text = activity.Text ?? "";
        var botId = activity.Recipient?.Id;
        foreach (var entity in activity.Entities ?? [])
        {
            if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase) || entity.Mentioned is null)
            {
                continue;
            }

            var mentionText = entity.Text ?? $"<at>{entity.Mentioned.Name}</at>";
            if (string.IsNullOrEmpty(mentionText))
            {
                continue;
            }

            string replacement;
            if (botId is not null && string.Equals(entity.Mentioned.Id, botId, StringComparison.OrdinalIgnoreCase))
            {
                replacement = "";
            }
            else
            {
                var id = await resolveUser(entity.Mentioned) ?? entity.Mentioned.Id;
                if (string.IsNullOrEmpty(id))
                {
                    continue;
                }

                replacement = UserToken(id, entity.Mentioned.Name);
            }

            text = Regex.Replace(text, Regex.Escape(mentionText), replacement.Replace("$", "$$"), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        return Normalize(text);
    }

    /// <summary><c>&lt;@id|Name&gt;</c> with the characters that would end the token removed from the name.</summary>
    public static string UserToken(string id, string? name)
    {
        var clean = new string((name ?? "").Where(c => c is not ('|' or '<' or '>')).ToArray()).Trim();
        return clean.Length == 0 ? $"<@{id}>" : $"<@{id}|{clean}>";
    }

    private static string Normalize(string text)
    {
        var s = text.Replace("&nbsp;", " ", StringComparison.OrdinalIgnoreCase).Replace('\u00A0', ' ');
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (c is ' ' or '\t')
            {
                space = true;
                continue;
            }

            if (space && sb.Length > 0 && sb[^1] != '\n')
            {
                sb.Append(' ');
            }

            space = false;
            sb.Append(c);
        }

        return sb.ToString().Trim();
    }
}
