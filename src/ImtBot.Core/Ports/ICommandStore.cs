namespace ImtBot.Core.Ports;

/// <summary>
/// The store as the command service uses it: it decides from an incident's events, commits through the log (whose
/// inbox answers a redelivery), and keeps the settings that commands such as <c>oncall</c> set. Not the outbox.
/// </summary>
public interface ICommandStore : IIncidentLog, IIncidentQueries, ISettingsStore;
