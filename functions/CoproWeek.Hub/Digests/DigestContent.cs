using System.Globalization;
using System.Text;
using CoproWeek.Hub.Digests.Templates;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Rendering;
using Microsoft.AspNetCore.Components;

namespace CoproWeek.Hub.Digests;

/// <summary>What the digest's frame shows around the items: the personal parts are null on the web copy.</summary>
public sealed record DigestFrame(
    string Title,
    string Heading,
    string Preheader,
    string Why,
    MarkupString Items,
    string HomeUrl,
    string? WebCopyUrl,
    string? PreferencesUrl,
    string? UnsubscribeUrl,
    string? SignUpUrl);

/// <summary>
/// The words of a digest. One SendGrid request carries many recipients, so the body is a frame with substitution
/// tags: each item, each day's heading and the stories' heading is a section (HTML and text), and each recipient's
/// <c>%items_html%</c>/<c>%items_text%</c> lists the sections that match them, events by day in time order, then stories.
/// Their subject (with the counts), the line saying why they get it and their own links are theirs too. The outbox
/// and the web copy get the same words filled in here, so all three read alike.
/// </summary>
public sealed class DigestContent
{
    public const string ItemsHtml = "%items_html%";
    public const string ItemsText = "%items_text%";
    public const string WhyHtml = "%why_html%";
    public const string WhyText = "%why_text%";
    public const string PreferencesUrl = "%preferences_url%";
    public const string UnsubscribeUrl = "%unsubscribe_url%";

    private const string StoriesHtml = "%sh%";
    private const string StoriesText = "%st%";

    private readonly IReadOnlyList<PublishedItem> _items;
    private readonly Dictionary<string, string> _sections;
    private readonly string _frequency;
    private readonly SiteOptions _site;
    private readonly DateOnly _today;

    private DigestContent(string frequency, IReadOnlyList<PublishedItem> items, SiteOptions site, DateOnly today, string html, string text, Dictionary<string, string> sections)
    {
        (_frequency, _items, _site, _today, FrameHtml, FrameText, _sections) = (frequency, items, site, today, html, text, sections);
    }

    public string FrameHtml { get; }
    public string FrameText { get; }

    /// <summary>Each section tag with its words: what SendGrid's <c>sections</c> carries.</summary>
    public IReadOnlyDictionary<string, string> Sections => _sections;

    public static string HtmlSection(int index) => $"%h{index}%";
    public static string TextSection(int index) => $"%t{index}%";
    private static string DayHtml(DateOnly day) => "%dh" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "%";
    private static string DayText(DateOnly day) => "%dt" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "%";

    public static string WebCopyPath(string runId) => $"digests/{runId}/index.html";

    public static string WebCopyUrl(SiteOptions site, string runId) => site.Public($"digests/{runId}/");

    /// <summary>The frame and the sections for the items of <paramref name="used"/> (indexes into the run's items).</summary>
    public static async Task<DigestContent> BuildAsync(string runId, string frequency, IReadOnlyList<PublishedItem> items, IEnumerable<int> used,
        SiteOptions site, DateTimeOffset now)
    {
        var renderer = ComponentRenderer.Shared;
        var frame = new DigestFrame(
            Title: "Your Co-production Week news",
            Heading: frequency == "daily" ? "New today for Co-production Week" : "New this week for Co-production Week",
            Preheader: "New events, by day, then new stories.",
            Why: WhyHtml,
            Items: new MarkupString(ItemsHtml),
            HomeUrl: site.Public(""),
            WebCopyUrl: WebCopyUrl(site, runId),
            PreferencesUrl: PreferencesUrl,
            UnsubscribeUrl: UnsubscribeUrl,
            SignUpUrl: null);
        var html = await renderer.RenderAsync<DigestEmail>(frame);
        var text = new StringBuilder()
            .Append(DigestWords.TextHeading(frame.Heading, '='))
            .Append(WhyText).Append('\n')
            .Append("Change what you get:\n").Append(PreferencesUrl).Append("\n\n")
            .Append(ItemsText)
            .Append("-- \nChange what you get, or download or delete your information:\n").Append(PreferencesUrl)
            .Append("\n\nStop these emails:\n").Append(UnsubscribeUrl)
            .Append("\n\nRead this email on the web:\n").Append(frame.WebCopyUrl)
            .Append("\n\nCo-production Week: nothing about us without us.\n")
            .ToString();

        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var index in used.Distinct())
        {
            var item = items[index];
            if (DigestWords.IsEvent(item))
            {
                var day = DigestWords.Day(item);
                if (!sections.ContainsKey(DayHtml(day)))
                {
                    sections[DayHtml(day)] = await renderer.RenderAsync<DigestDayHeading>(new Dictionary<string, object?> { ["Day"] = DigestWords.DayName(day) });
                    sections[DayText(day)] = DigestWords.TextHeading(DigestWords.DayName(day), '-');
                }
                sections[HtmlSection(index)] = await renderer.RenderAsync<DigestEventItem>(item);
                sections[TextSection(index)] = DigestWords.EventText(item);
            }
            else
            {
                if (!sections.ContainsKey(StoriesHtml))
                {
                    sections[StoriesHtml] = await renderer.RenderAsync<DigestStoriesHeading>(new Dictionary<string, object?>());
                    sections[StoriesText] = DigestWords.TextHeading("Stories", '-');
                }
                sections[HtmlSection(index)] = await renderer.RenderAsync<DigestStoryItem>(item);
                sections[TextSection(index)] = DigestWords.StoryText(item);
            }
        }
        return new DigestContent(frequency, items, site, DateOnly.FromDateTime(Site.UkTime.ToUk(now).DateTime), html, text, sections);
    }

    /// <summary>A recipient's items in reading order: events by start time (grouped by day), then stories as they went live.</summary>
    public IReadOnlyList<int> Order(IEnumerable<int> indexes)
    {
        var list = indexes.ToList();
        return
        [
            .. list.Where(i => DigestWords.IsEvent(_items[i])).OrderBy(i => _items[i].Starts).ThenBy(i => _items[i].Title, StringComparer.Ordinal),
            .. list.Where(i => !DigestWords.IsEvent(_items[i])).OrderBy(i => _items[i].PublishedAt).ThenBy(i => _items[i].Id, StringComparer.Ordinal),
        ];
    }

    /// <summary>The subject line for these items.</summary>
    public string Subject(IReadOnlyCollection<int> indexes) =>
        DigestWords.Subject(indexes.Count(i => DigestWords.IsEvent(_items[i])), indexes.Count(i => !DigestWords.IsEvent(_items[i])), _site.WeekStarts, _today);

    /// <summary>One recipient's substitutions: their items as section tags in reading order, why they get it, and their links.</summary>
    public Dictionary<string, string> Substitutions(DigestLetter letter)
    {
        var html = new StringBuilder();
        var text = new StringBuilder();
        DateOnly? day = null;
        var stories = false;
        foreach (var index in Order(letter.Items))
        {
            var item = _items[index];
            if (DigestWords.IsEvent(item) && DigestWords.Day(item) != day)
            {
                day = DigestWords.Day(item);
                html.Append(DayHtml(day.Value));
                text.Append(DayText(day.Value));
            }
            else if (!DigestWords.IsEvent(item) && !stories)
            {
                stories = true;
                html.Append(StoriesHtml);
                text.Append(StoriesText);
            }
            html.Append(HtmlSection(index));
            text.Append(TextSection(index));
        }
        var why = DigestWords.Why(_frequency, letter.Regions ?? [], letter.Topics ?? []);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ItemsHtml] = html.ToString(),
            [ItemsText] = text.ToString(),
            [WhyHtml] = System.Net.WebUtility.HtmlEncode(why),
            [WhyText] = why,
            [UnsubscribeUrl] = letter.UnsubscribeUrl,
            [PreferencesUrl] = letter.PreferencesUrl,
        };
    }

    /// <summary>The whole body for one recipient, filled in as SendGrid fills it: substitutions first, then the sections they name.</summary>
    public (string Html, string Text) Fill(DigestLetter letter)
    {
        var substitutions = Substitutions(letter);
        return (FillIn(FrameHtml, substitutions), FillIn(FrameText, substitutions));
    }

    private string FillIn(string frame, Dictionary<string, string> substitutions)
    {
        var body = new StringBuilder(frame);
        foreach (var (tag, value) in substitutions)
        {
            body.Replace(tag, value);
        }
        foreach (var (tag, value) in _sections)
        {
            body.Replace(tag, value);
        }
        return body.ToString();
    }

    /// <summary>
    /// The run's page on the public site: every item of the run, none of any reader's choices or links, and a way to
    /// sign up, so it can be shared.
    /// </summary>
    public static async Task<string> WebCopyAsync(string runId, string frequency, IReadOnlyList<PublishedItem> items, SiteOptions site, DateTimeOffset now)
    {
        var all = Enumerable.Range(0, items.Count).ToList();
        var content = await BuildAsync(runId, frequency, items, all, site, now);
        var counts = DigestWords.Counts(all.Count(i => DigestWords.IsEvent(items[i])), all.Count(i => !DigestWords.IsEvent(items[i])));
        var date = Site.UkTime.Date(now);
        var frame = new DigestFrame(
            Title: $"{counts} for Co-production Week, {date}",
            Heading: $"{counts} for Co-production Week",
            Preheader: "New events, by day, then new stories.",
            Why: $"The {(frequency == "daily" ? "daily" : "weekly")} email of new events and stories from Co-production Week, sent {date}.",
            Items: new MarkupString(ItemsHtml),
            HomeUrl: site.Public(""),
            WebCopyUrl: null,
            PreferencesUrl: null,
            UnsubscribeUrl: null,
            SignUpUrl: site.Public("subscribe/"));
        var page = await ComponentRenderer.Shared.RenderAsync<DigestEmail>(frame);
        var letter = new DigestLetter("", all, "", "");
        return content.FillIn(page, new Dictionary<string, string>(StringComparer.Ordinal) { [ItemsHtml] = content.Substitutions(letter)[ItemsHtml] });
    }
}
