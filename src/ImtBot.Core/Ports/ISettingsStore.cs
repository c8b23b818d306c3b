namespace ImtBot.Core.Ports;

/// <summary>Org-wide settings kept beside incidents (on-call lists set by command, the Teams incident team), durable once set.</summary>
public interface ISettingsStore
{
    /// <summary>The value of a setting, or null when unset.</summary>
    string? GetSetting(string key);

    /// <summary>
    /// The values of several settings at once, keyed by setting; unset ones are left out. A store that pays a round
    /// trip per read answers in one (a declaration reads every role's on-call list).
    /// </summary>
    IReadOnlyDictionary<string, string> GetSettings(IReadOnlyCollection<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (GetSetting(key) is { } value)
            {
                values[key] = value;
            }
        }

        return values;
    }

    Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default);
}
