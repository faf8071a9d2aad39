namespace CoproWeek.Hub.Moderation;

/// <summary>
/// What the hub tells people about how their event or story is checked: the one place those words live, so that
/// every page and email says what this hub does under its settings (<c>Moderation:EventsNeedAPerson</c>).
/// </summary>
public static class ModerationPromise
{
    /// <summary>How an event is checked before it goes on the calendar.</summary>
    public static string Event(bool eventsNeedAPerson) => eventsNeedAPerson
        ? "A person from our team reads every event before it goes on the calendar. This usually takes one working day."
        : "Our automatic checks look at every event as soon as it is sent. Most events are on the calendar within a few minutes; a person from our team reads the others first, usually within one working day.";

    /// <summary>How a change to an event is checked.</summary>
    public static string EventChange(bool eventsNeedAPerson) => eventsNeedAPerson
        ? "A person from our team reads the changes before they go on the website."
        : "Our automatic checks look at the changes; a person from our team may read them before they go on the website.";

    /// <summary>What happens to an event that has been sent but not yet checked.</summary>
    public static string EventWaiting(bool eventsNeedAPerson) => eventsNeedAPerson
        ? "We have your event. A person from our team will read it soon."
        : "We have your event. Our automatic checks will look at it in a moment.";

    /// <summary>How a story is checked: always by a person.</summary>
    public const string Story = "A person from our team reads every story before it goes on the website.";
}
