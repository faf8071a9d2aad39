using System.Globalization;
using System.Text;
using CoproWeek.Hub.Digests.Templates;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Rendering;
using Microsoft.AspNetCore.Components;

namespace CoproWeek.Hub.Digests;

/// <summary>What the digest's frame shows around the items: one part per language, in order; the personal parts are null on the web copy.</summary>
public sealed record DigestFrame(
    string Title,
    string Preheader,
    string HomeUrl,
    string? WebCopyUrl,
    IReadOnlyList<DigestPart> Parts,
    string? OtherLanguageUrl = null,
    string? OwnUrl = null);

/// <summary>The digest in one language: its heading, why the reader gets it, the items' markup and the reader's links in that language.</summary>
public sealed record DigestPart(
    Language Language,
    string Heading,
    string Why,
    MarkupString Items,
    string? PreferencesUrl,
    string? UnsubscribeUrl,
    string? SignUpUrl);

/// <summary>
/// The words of a digest, in one language or in Welsh then English. One SendGrid request carries many recipients who
/// read the same languages, so the body is a frame with substitution tags: each item, each day's heading and the
/// stories' heading is a section (HTML and text, one per language), and each recipient's <c>%items_html%</c>/<c>%items_text%</c>
/// (<c>%items_html_cy%</c> in Welsh) lists the sections that match them, events by day in time order, then stories.
/// Their subject (with the counts), the line saying why they get it and their own links are theirs too. The outbox and
/// the web copy get the same words filled in here, so all three read alike.
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
    private readonly IReadOnlyList<Language> _languages;

    private DigestContent(string frequency, IReadOnlyList<PublishedItem> items, SiteOptions site, DateOnly today, IReadOnlyList<Language> languages,
        string html, string text, Dictionary<string, string> sections)
    {
        (_frequency, _items, _site, _today, _languages, FrameHtml, FrameText, _sections) = (frequency, items, site, today, languages, html, text, sections);
    }

    public string FrameHtml { get; }
    public string FrameText { get; }

    /// <summary>The languages this digest is written in, in order.</summary>
    public IReadOnlyList<Language> Languages => _languages;

    /// <summary>Each section tag with its words: what SendGrid's <c>sections</c> carries.</summary>
    public IReadOnlyDictionary<string, string> Sections => _sections;

    /// <summary>A tag in a language: English keeps the plain tag, Welsh adds <c>_cy</c> (<c>%items_html_cy%</c>).</summary>
    public static string Tag(string tag, Language language) => language == Language.English ? tag : tag[..^1] + "_" + language.Code() + "%";

    public static string HtmlSection(int index, Language language = Language.English) => Tag($"%h{index}%", language);
    public static string TextSection(int index, Language language = Language.English) => Tag($"%t{index}%", language);
    private static string DayHtml(DateOnly day, Language language) => Tag("%dh" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "%", language);
    private static string DayText(DateOnly day, Language language) => Tag("%dt" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "%", language);

    /// <summary>The web copy's blob: <c>digests/{run}/index.html</c>, and its Welsh twin under <c>cy/</c>.</summary>
    public static string WebCopyPath(string runId, Language language = Language.English) => language.Localise($"digests/{runId}/index.html");

    public static string WebCopyUrl(SiteOptions site, string runId, Language language = Language.English) => site.Public(language.Localise($"digests/{runId}/"));

    /// <summary>The frame and the sections for the items of <paramref name="used"/> (indexes into the run's items), in <paramref name="languages"/> (English when none).</summary>
    public static async Task<DigestContent> BuildAsync(string runId, string frequency, IReadOnlyList<PublishedItem> items, IEnumerable<int> used,
        SiteOptions site, DateTimeOffset now, IReadOnlyList<Language>? languages = null)
    {
        IReadOnlyList<Language> written = languages is { Count: > 0 } ? languages : [Language.English];
        var first = written[0];
        var renderer = ComponentRenderer.Shared;
        var frame = new DigestFrame(
            Title: string.Join(" / ", written.Select(l => DigestWords.Get("Title", l))),
            Preheader: DigestWords.Get("Preheader", first),
            HomeUrl: site.Public(first.Localise("")),
            WebCopyUrl: WebCopyUrl(site, runId, first),
            Parts: written.Select(l => new DigestPart(l, DigestWords.Get(frequency == "daily" ? "Heading.daily" : "Heading.weekly", l), Tag(WhyHtml, l),
                new MarkupString(Tag(ItemsHtml, l)), Tag(PreferencesUrl, l), Tag(UnsubscribeUrl, l), SignUpUrl: null)).ToList());
        var html = await renderer.RenderAsync<DigestEmail>(frame, first);
        var text = new StringBuilder();
        for (var i = 0; i < written.Count; i++)
        {
            var l = written[i];
            if (i > 0)
            {
                text.Append(new string('~', 40)).Append("\n\n");
            }
            text.Append(DigestWords.TextHeading(frame.Parts[i].Heading, '='))
                .Append(Tag(WhyText, l)).Append('\n')
                .Append(DigestWords.Get("ChangeShort", l)).Append(":\n").Append(Tag(PreferencesUrl, l)).Append("\n\n")
                .Append(Tag(ItemsText, l));
        }
        text.Append("-- \n");
        foreach (var l in written)
        {
            text.Append(DigestWords.Get("ChangeLong", l)).Append(":\n").Append(Tag(PreferencesUrl, l))
                .Append("\n\n").Append(DigestWords.Get("Stop", l)).Append(":\n").Append(Tag(UnsubscribeUrl, l))
                .Append("\n\n").Append(DigestWords.Get("ReadOnWeb", l)).Append(":\n").Append(WebCopyUrl(site, runId, l)).Append("\n\n");
        }
        foreach (var l in written)
        {
            text.Append(Email.EmailWords.Get("Week.Motto", l)).Append('\n');
        }

        // Each section once per language, each rendered in its language's culture.
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        var indexes = used.Distinct().ToList();
        foreach (var l in written)
        {
            foreach (var index in indexes)
            {
                var item = items[index];
                var link = Email.EmailWords.Link(site, item.Url, l);
                if (DigestWords.IsEvent(item))
                {
                    var day = DigestWords.Day(item);
                    if (!sections.ContainsKey(DayHtml(day, l)))
                    {
                        sections[DayHtml(day, l)] = await renderer.RenderAsync<DigestDayHeading>(new Dictionary<string, object?> { ["Day"] = DigestWords.DayName(day, l) }, l);
                        sections[DayText(day, l)] = DigestWords.TextHeading(DigestWords.DayName(day, l), '-');
                    }
                    sections[HtmlSection(index, l)] = await renderer.RenderAsync<DigestEventItem>(new Dictionary<string, object?> { ["Model"] = item, ["Language"] = l, ["Link"] = link }, l);
                    sections[TextSection(index, l)] = DigestWords.EventText(item, l, link);
                }
                else
                {
                    if (!sections.ContainsKey(Tag(StoriesHtml, l)))
                    {
                        sections[Tag(StoriesHtml, l)] = await renderer.RenderAsync<DigestStoriesHeading>(new Dictionary<string, object?>(), l);
                        sections[Tag(StoriesText, l)] = DigestWords.TextHeading(DigestWords.Get("Stories", l), '-');
                    }
                    sections[HtmlSection(index, l)] = await renderer.RenderAsync<DigestStoryItem>(new Dictionary<string, object?> { ["Model"] = item, ["Language"] = l, ["Link"] = link }, l);
                    sections[TextSection(index, l)] = DigestWords.StoryText(item, l, link);
                }
            }
        }
        return new DigestContent(frequency, items, site, DateOnly.FromDateTime(Site.UkTime.ToUk(now).DateTime), written, html, text.ToString(), sections);
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
    public string Subject(IReadOnlyCollection<int> indexes) => string.Join(" / ", _languages.Select(l =>
        DigestWords.Subject(indexes.Count(i => DigestWords.IsEvent(_items[i])), indexes.Count(i => !DigestWords.IsEvent(_items[i])), _site.WeekStarts, _today, l)));

    /// <summary>One recipient's substitutions, in each language: their items as section tags in reading order, why they get it, and their links.</summary>
    public Dictionary<string, string> Substitutions(DigestLetter letter)
    {
        var order = Order(letter.Items);
        var substitutions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var l in _languages)
        {
            var html = new StringBuilder();
            var text = new StringBuilder();
            DateOnly? day = null;
            var stories = false;
            foreach (var index in order)
            {
                var item = _items[index];
                if (DigestWords.IsEvent(item) && DigestWords.Day(item) != day)
                {
                    day = DigestWords.Day(item);
                    html.Append(DayHtml(day.Value, l));
                    text.Append(DayText(day.Value, l));
                }
                else if (!DigestWords.IsEvent(item) && !stories)
                {
                    stories = true;
                    html.Append(Tag(StoriesHtml, l));
                    text.Append(Tag(StoriesText, l));
                }
                html.Append(HtmlSection(index, l));
                text.Append(TextSection(index, l));
            }
            var why = DigestWords.Why(_frequency, letter.Regions ?? [], letter.Topics ?? [], l);
            substitutions[Tag(ItemsHtml, l)] = html.ToString();
            substitutions[Tag(ItemsText, l)] = text.ToString();
            substitutions[Tag(WhyHtml, l)] = System.Net.WebUtility.HtmlEncode(why);
            substitutions[Tag(WhyText, l)] = why;
            // The reader's pages in this part's language: the Welsh twins are the English routes under cy/.
            substitutions[Tag(UnsubscribeUrl, l)] = Email.EmailWords.Link(_site, letter.UnsubscribeUrl, l);
            substitutions[Tag(PreferencesUrl, l)] = Email.EmailWords.Link(_site, letter.PreferencesUrl, l);
        }
        return substitutions;
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
    /// The run's page on the public site in one language: every item of the run, none of any reader's choices or links,
    /// a way to sign up, so it can be shared, and a link to the same page in the other language.
    /// </summary>
    public static async Task<string> WebCopyAsync(string runId, string frequency, IReadOnlyList<PublishedItem> items, SiteOptions site, DateTimeOffset now,
        Language language = Language.English)
    {
        var all = Enumerable.Range(0, items.Count).ToList();
        var content = await BuildAsync(runId, frequency, items, all, site, now, [language]);
        var counts = DigestWords.Counts(all.Count(i => DigestWords.IsEvent(items[i])), all.Count(i => !DigestWords.IsEvent(items[i])), language);
        var date = Site.UkTime.Date(now, language);
        var frame = new DigestFrame(
            Title: DigestWords.Get("WebCopy.Title", language, counts, date),
            Preheader: DigestWords.Get("Preheader", language),
            HomeUrl: site.Public(language.Localise("")),
            WebCopyUrl: null,
            Parts: [new DigestPart(language, DigestWords.Get("Subject", language, counts),
                DigestWords.Get(frequency == "daily" ? "WebCopy.Why.daily" : "WebCopy.Why.weekly", language, date),
                new MarkupString(ItemsHtml), PreferencesUrl: null, UnsubscribeUrl: null, SignUpUrl: site.Public(language.Localise("subscribe/")))],
            OtherLanguageUrl: WebCopyUrl(site, runId, language.Other()),
            OwnUrl: WebCopyUrl(site, runId, language));
        var page = await ComponentRenderer.Shared.RenderAsync<DigestEmail>(frame, language);
        var letter = new DigestLetter("", all, "", "");
        return content.FillIn(page, new Dictionary<string, string>(StringComparer.Ordinal) { [ItemsHtml] = content.Substitutions(letter)[Tag(ItemsHtml, language)] });
    }
}
