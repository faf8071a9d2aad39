namespace CoproWeek.Hub.Submissions;

/// <summary>
/// What the hub promises will happen to what someone sent, in the words every receipt uses. Events that pass the
/// automatic checks go live in seconds; stories are all read by a person. <see cref="EventsNeedAPerson"/> is the one
/// switch for events: when a person must check every event (<c>Moderation:EventsNeedAPerson</c>), receipts say so.
/// </summary>
public static class NextSteps
{
    /// <summary>Whether every event waits for a person: the hub's behaviour today is that they do not. Replace with the option once it exists.</summary>
    public const bool EventsNeedAPerson = false;

    public static IReadOnlyList<string> ForEvent(bool eventsNeedAPerson) => eventsNeedAPerson
        ?
        [
            "A person from the campaign team checks every event before it goes on the calendar. This usually takes one working day.",
            "We will email you when it is live, or if we need you to change something.",
        ]
        :
        [
            "Our automatic checks look at your event in the next few minutes. If all is well it goes on the calendar straight away, and we email you its link.",
            "If something needs a closer look, a person from the campaign team checks it, usually within one working day, and we email you either way.",
        ];

    public static IReadOnlyList<string> ForStory() =>
    [
        "A person from the campaign team reads every story before it goes on the blog. This usually takes one or two working days.",
        "We will email you when it is live, or if we need you to change something.",
    ];
}
