using System.Text.Json.Serialization;

namespace ImtBot.Core.Effects;

/// <summary>
/// A side effect the domain wants; the storage commits it as an outbox step (keyed <c>incident:kind:n</c>) in the
/// same transaction as the events, and the effect dispatcher runs it through the incident's platform.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(OpenChannel), "open_channel")]
[JsonDerivedType(typeof(SyncIncidentCard), "sync_card")]
[JsonDerivedType(typeof(InviteUsers), "invite")]
[JsonDerivedType(typeof(SendPage), "send_page")]
[JsonDerivedType(typeof(SyncPageCard), "sync_page")]
[JsonDerivedType(typeof(PostToChannel), "post_channel")]
[JsonDerivedType(typeof(PostStatusUpdate), "post_update")]
[JsonDerivedType(typeof(Announce), "announce")]
[JsonDerivedType(typeof(NotifyUser), "notify")]
[JsonDerivedType(typeof(PostReview), "post_review")]
[JsonDerivedType(typeof(ScheduleTimer), "timer")]
[JsonDerivedType(typeof(ArchiveChannel), "archive")]
[JsonDerivedType(typeof(AnchorHead), "anchor_head")]
public abstract record Effect
{
    /// <summary>The discriminator, e.g. <c>send_page</c>; also the middle part of the outbox step key.</summary>
    [JsonIgnore]
    public string Kind => EffectKinds.Of(GetType());
}
