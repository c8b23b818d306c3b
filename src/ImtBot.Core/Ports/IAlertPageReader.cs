using ImtBot.Core.Alerts.Pages;

namespace ImtBot.Core.Ports;

/// <summary>Reads alert pages as replayed from their events (for an alert page card refreshed in an invoke response).</summary>
public interface IAlertPageReader
{
    AlertPage? Get(int number);
}
