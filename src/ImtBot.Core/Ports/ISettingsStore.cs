namespace ImtBot.Core.Ports;

/// <summary>Org-wide settings kept beside incidents (on-call lists set by command, the Teams incident team), durable once set.</summary>
public interface ISettingsStore
{
    /// <summary>The value of a setting, or null when unset.</summary>
    string? GetSetting(string key);

    Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default);
}
