using System.ComponentModel.DataAnnotations;

namespace CoproWeek.Hub.Moderation;

/// <summary>
/// The <c>Moderation</c> settings, checked at start like the others: a value that is not true or false stops the host
/// with one line naming the setting, rather than a stack trace.
/// </summary>
public sealed class ModerationOptions : IValidatableObject
{
    public const string Section = "Moderation";

    /// <summary>
    /// <c>Moderation:EventsNeedAPerson</c>: "true" makes every event wait for a person, as stories do; "false" or unset
    /// lets the automatic checks approve clean events. Kept as text so a wrong value is reported, not thrown.
    /// </summary>
    public string? EventsNeedAPerson { get; set; }

    /// <summary>Whether every event waits for a person (false when unset, or when the setting is wrong and start fails).</summary>
    public bool EventsNeedAPersonOn => bool.TryParse(EventsNeedAPerson?.Trim(), out var on) && on;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(EventsNeedAPerson) && !bool.TryParse(EventsNeedAPerson.Trim(), out _))
        {
            yield return new ValidationResult($"Moderation:EventsNeedAPerson must be true or false, not \"{EventsNeedAPerson}\".", [nameof(EventsNeedAPerson)]);
        }
    }
}
