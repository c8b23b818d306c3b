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
[JsonDerivedType(typeof(PlanAdopted), "plan_adopted")]
[JsonDerivedType(typeof(PlanTaskDone), "plan_task_done")]
[JsonDerivedType(typeof(PlanTaskSkipped), "plan_task_skipped")]
[JsonDerivedType(typeof(PlanTaskAssigned), "plan_task_assigned")]
[JsonDerivedType(typeof(PlanTaskAdded), "plan_task_added")]
[JsonDerivedType(typeof(PlanOverridden), "plan_overridden")]
[JsonDerivedType(typeof(PlanStepRan), "plan_step_ran")]
[JsonDerivedType(typeof(PlanStepFailed), "plan_step_failed")]
[JsonDerivedType(typeof(ApiTokenCreated), "api_token_created")]
[JsonDerivedType(typeof(ApiTokenRevoked), "api_token_revoked")]
[JsonDerivedType(typeof(AlertFired), "alert_fired")]
[JsonDerivedType(typeof(AlertRepeated), "alert_repeated")]
[JsonDerivedType(typeof(AlertResolved), "alert_resolved")]
[JsonDerivedType(typeof(RegimeStarted), "regime_started")]
[JsonDerivedType(typeof(RegimeNotApplicable), "regime_not_applicable")]
[JsonDerivedType(typeof(IncidentClassified), "classified")]
[JsonDerivedType(typeof(MaterialityDetermined), "material_determined")]
[JsonDerivedType(typeof(RegulatorNotified), "regulator_notified")]
[JsonDerivedType(typeof(ComplianceReminderSent), "compliance_reminder_sent")]
[JsonDerivedType(typeof(DrillStarted), "drill_started")]
[JsonDerivedType(typeof(DrillInjectArmed), "drill_inject_armed")]
[JsonDerivedType(typeof(DrillInjectFired), "drill_inject_fired")]
[JsonDerivedType(typeof(DrillPaused), "drill_paused")]
[JsonDerivedType(typeof(DrillResumed), "drill_resumed")]
[JsonDerivedType(typeof(DrillEnded), "drill_ended")]
[JsonDerivedType(typeof(HotwashNoted), "hotwash_noted")]
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
