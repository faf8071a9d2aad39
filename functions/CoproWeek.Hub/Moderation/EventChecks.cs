using System.Text.RegularExpressions;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Submissions;

namespace CoproWeek.Hub.Moderation;

/// <summary>What the automatic checks decided about one version of an event.</summary>
public enum CheckOutcome
{
    Approve,
    /// <summary>A person should look: links, blocked words, a likely duplicate.</summary>
    Hold,
    /// <summary>It cannot be listed as it is: impossible or past dates.</summary>
    Reject,
}

/// <summary>The automatic checks every event goes through before a person or the calendar sees it.</summary>
public static partial class EventChecks
{
    public const int MostLinks = 3;

    private static readonly string[] BlockedWords =
    [
        "casino", "viagra", "cialis", "crypto", "bitcoin", "forex", "payday loan", "porn", "escort", "betting tips", "seo services",
    ];

    public static (CheckOutcome Outcome, IReadOnlyList<Finding> Findings) Run(EventDetails details, DateTimeOffset now, bool likelyDuplicate)
    {
        var rejections = new List<Finding>();
        if (details.End <= details.Start)
        {
            rejections.Add(new Finding("dates", "The event ends before it starts."));
        }
        if (details.Start <= now)
        {
            rejections.Add(new Finding("dates", "The event has already started."));
        }
        if (details.End - details.Start > EventValidator.LongestEvent)
        {
            rejections.Add(new Finding("dates", "The event lasts more than 14 days."));
        }
        if (rejections.Count > 0)
        {
            return (CheckOutcome.Reject, rejections);
        }

        var holds = new List<Finding>();
        var text = string.Join("\n", new[]
        {
            details.Title, details.Summary, details.Description, details.EasyRead, details.Coproduction.LivedExperienceInvolvement,
            details.Access.Notes, details.Online?.JoiningInfo, details.Cost,
            details.Welsh?.Title, details.Welsh?.Summary, details.Welsh?.Description, details.Welsh?.EasyRead,
        }.Where(t => t is not null));
        var links = Links().Count(text);
        if (links > MostLinks)
        {
            holds.Add(new Finding("links", $"The description has {links} links; we check events with more than {MostLinks}."));
        }
        var blocked = BlockedWords.Where(w => text.Contains(w, StringComparison.OrdinalIgnoreCase)).ToList();
        if (blocked.Count > 0)
        {
            holds.Add(new Finding("words", "The text uses words we check by hand."));
        }
        if (likelyDuplicate)
        {
            holds.Add(new Finding("duplicate", "It looks like an event already listed by the same organiser, with the same title on the same day."));
        }
        return holds.Count > 0 ? (CheckOutcome.Hold, holds) : (CheckOutcome.Approve, []);
    }

    /// <summary>Same organiser, same title and same UK day make a likely duplicate; case, spacing and punctuation don't count.</summary>
    public static string DuplicateKey(EventDetails details)
    {
        var uk = TimeZoneInfo.ConvertTime(details.Start, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        return $"{Normalise(details.Organiser.Name)}|{Normalise(details.Title)}|{uk:yyyy-MM-dd}";
    }

    private static string Normalise(string text) =>
        new(text.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

    [GeneratedRegex(@"(https?://|www\.)\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Links();
}
