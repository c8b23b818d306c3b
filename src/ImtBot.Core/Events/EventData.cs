using System.Text.Json.Serialization;

namespace ImtBot.Core.Events;

/// <summary>
/// The data of one event. The discriminator (<c>type</c>) is the event's type in the canonical JSON form and the
/// timeline; it is part of the hash, so never rename one.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(IncidentDeclared), "declared")]
[JsonDerivedType(typeof(SeverityChanged), "severity_changed")]
[JsonDerivedType(typeof(StatusChanged), "status_changed")]
[JsonDerivedType(typeof(RoleAssigned), "role_assigned")]
[JsonDerivedType(typeof(RoleReleased), "role_released")]
[JsonDerivedType(typeof(PageSent), "page_sent")]
[JsonDerivedType(typeof(PageAcknowledged), "page_acknowledged")]
[JsonDerivedType(typeof(PageDeclined), "page_declined")]
[JsonDerivedType(typeof(PageExpired), "page_expired")]
[JsonDerivedType(typeof(UpdatePosted), "update_posted")]
[JsonDerivedType(typeof(NoteAdded), "note_added")]
[JsonDerivedType(typeof(ActionAdded), "action_added")]
[JsonDerivedType(typeof(ActionCompleted), "action_completed")]
[JsonDerivedType(typeof(HandoverRequested), "handover_requested")]
[JsonDerivedType(typeof(ParticipantJoined), "participant_joined")]
[JsonDerivedType(typeof(ReminderSent), "reminder_sent")]
[JsonDerivedType(typeof(ReminderSnoozed), "reminder_snoozed")]
[JsonDerivedType(typeof(MessageCaptured), "message_captured")]
[JsonDerivedType(typeof(MessageEdited), "message_edited")]
[JsonDerivedType(typeof(MessageDeleted), "message_deleted")]
[JsonDerivedType(typeof(OnCallListSet), "oncall_set")]
[JsonDerivedType(typeof(ImpactRecorded), "impact_recorded")]
[JsonDerivedType(typeof(DetectionRecorded), "detection_recorded")]
[JsonDerivedType(typeof(ReviewTextWritten), "review_text_written")]
[JsonDerivedType(typeof(ActionAssigned), "action_assigned")]
[JsonDerivedType(typeof(ActionCancelled), "action_cancelled")]
public abstract record EventData
{
    /// <summary>The discriminator of this event's type, e.g. <c>declared</c>.</summary>
    [JsonIgnore]
    public string TypeName => EventTypeNames.Of(GetType());
}
