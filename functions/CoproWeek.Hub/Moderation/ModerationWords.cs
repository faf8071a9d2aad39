using CoproWeek.Hub.Site;

namespace CoproWeek.Hub.Moderation;

/// <summary>The words moderators' pages use for kinds of item, times and who did something.</summary>
internal static class ModerationWords
{
    public static string Kind(string kind) => kind switch { "event" => "Event", "post" => "Story", "report" => "Report", Supporters.SubmitSupporter.Kind => "Supporter", _ => kind };

    public static string When(DateTimeOffset when) => $"{UkTime.Date(when)}, {UkTime.Time(when)}";

    public static string Who(string who) => who switch
    {
        ModerationLog.Auto => "the automatic checks",
        "organiser" => "the organiser",
        "author" => "the author",
        _ => who,
    };

    /// <summary>A title to show, or "(no title)" for an item sent without one.</summary>
    public static string Title(string title) => title.Length == 0 ? "(no title)" : title;
}
