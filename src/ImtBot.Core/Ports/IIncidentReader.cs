using ImtBot.Core.Incidents;

namespace ImtBot.Core.Ports;

/// <summary>Reads incidents as replayed from their events (for cards refreshed in an invoke response, the API).</summary>
public interface IIncidentReader
{
    Incident? Get(int number);
}
