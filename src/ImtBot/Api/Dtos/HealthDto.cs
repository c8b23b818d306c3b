using System.Text.Json.Serialization;

namespace ImtBot.Api.Dtos;

/// <summary><c>/healthz</c> and <c>/readyz</c>: a status, and the reason when not ready.</summary>
public sealed record HealthDto(string Status, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null);
