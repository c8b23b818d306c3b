using System.Text.Json.Nodes;
using ImtBot.Core.Events;

namespace ImtBot.Api.Dtos;

/// <summary>One event of <c>GET /api/incidents/{n}/timeline</c>, with the sentence the review's timeline uses for it.</summary>
public sealed record TimelineEventDto(long Seq, DateTimeOffset At, UserDto Actor, string Type, string? Text, JsonNode? Data, string Hash)
{
    public static TimelineEventDto From(IncidentEvent e, string? text) =>
        new(e.Sequence, e.At, UserDto.From(e.Actor), e.Type, text, JsonNode.Parse(EventChain.SerializeData(e.Data)), e.Hash);
}
