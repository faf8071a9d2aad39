using System.Globalization;
using System.Text;
using CoproWeek.Hub.Publishing;
using static CoproWeek.Hub.Subscriptions.Page;

namespace CoproWeek.Hub.Digests;

/// <summary>
/// The words of a digest. One SendGrid request carries many recipients, so the body is a frame with
/// substitution tags: each item is a section (<c>%h{n}%</c> HTML, <c>%t{n}%</c> text), and each recipient's
/// <c>%items_html%</c>/<c>%items_text%</c> lists the sections that match them. The outbox gets the same words filled in.
/// </summary>
public static class DigestContent
{
    public const string ItemsHtml = "%items_html%";
    public const string ItemsText = "%items_text%";
    public const string PreferencesUrl = "%preferences_url%";
    public const string UnsubscribeUrl = "%unsubscribe_url%";

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly CultureInfo UK = CultureInfo.GetCultureInfo("en-GB");

    public static string HtmlSection(int index) => $"%h{index}%";
    public static string TextSection(int index) => $"%t{index}%";

    public static string Subject(string frequency) =>
        frequency == "daily" ? "New from Co-production Week today" : "New from Co-production Week this week";

    public static string HtmlFrame(string frequency) =>
        "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        "<title>" + E(Subject(frequency)) + "</title></head>" +
        "<body style=\"margin:0;padding:16px;font-family:Arial,sans-serif;font-size:18px;line-height:1.5;color:#1a1a1a;background:#ffffff\">" +
        "<main style=\"max-width:600px;margin:0 auto\"><h1 style=\"font-size:24px\">" + E(Subject(frequency)) + "</h1>" +
        "<p>Here are the new events and stories that match your choices.</p>" +
        ItemsHtml +
        "<hr><p><a href=\"" + PreferencesUrl + "\">Change what you get, or download or delete your information</a></p>" +
        "<p><a href=\"" + UnsubscribeUrl + "\">Stop these emails</a></p></main></body></html>";

    public static string TextFrame(string frequency) =>
        Subject(frequency) + "\n\nHere are the new events and stories that match your choices.\n\n" +
        ItemsText +
        "---\nChange what you get, or download or delete your information:\n" + PreferencesUrl +
        "\n\nStop these emails:\n" + UnsubscribeUrl + "\n";

    public static string ItemHtml(PublishedItem item)
    {
        var html = new StringBuilder("<div style=\"margin:0 0 20px\"><h2 style=\"font-size:20px;margin:0\"><a href=\"")
            .Append(E(item.Url)).Append("\">").Append(E(item.Title)).Append("</a></h2>");
        if (Details(item) is { Length: > 0 } details)
        {
            html.Append("<p style=\"margin:4px 0\"><strong>").Append(E(details)).Append("</strong></p>");
        }
        return html.Append("<p style=\"margin:4px 0\">").Append(E(item.Summary)).Append("</p></div>").ToString();
    }

    public static string ItemText(PublishedItem item)
    {
        var details = Details(item);
        return item.Title + "\n" + (details.Length > 0 ? details + "\n" : "") + item.Summary + "\n" + item.Url + "\n\n";
    }

    /// <summary>The whole body for one recipient: the frame with their items and links filled in.</summary>
    public static (string Html, string Text) Fill(string frequency, IReadOnlyList<PublishedItem> items, string preferencesUrl, string unsubscribeUrl) =>
        (HtmlFrame(frequency).Replace(ItemsHtml, string.Concat(items.Select(ItemHtml)))
                .Replace(PreferencesUrl, E(preferencesUrl)).Replace(UnsubscribeUrl, E(unsubscribeUrl)),
         TextFrame(frequency).Replace(ItemsText, string.Concat(items.Select(ItemText)))
                .Replace(PreferencesUrl, preferencesUrl).Replace(UnsubscribeUrl, unsubscribeUrl));

    /// <summary>A story's kind as the digest labels it ("Story: good practice"); null for events.</summary>
    public static string? KindLabel(PublishedItem item) =>
        item.StoryKind is { Length: > 0 } kind ? "Story: " + Posts.StoryKinds.NameOf(kind).ToLowerInvariant() : null;

    /// <summary>"Event: Monday 5 July 2027, 10am. Wales." in UK time.</summary>
    private static string Details(PublishedItem item)
    {
        var parts = new List<string>();
        if (KindLabel(item) is { } kind)
        {
            parts.Add(kind);
        }
        if (item.Starts is { } starts)
        {
            var local = TimeZoneInfo.ConvertTime(starts, London);
            var time = local.Minute == 0 ? local.ToString("%h", UK) : local.ToString("h:mm", UK);
            parts.Add($"{local.ToString("dddd d MMMM yyyy", UK)}, {time}{(local.Hour < 12 ? "am" : "pm")}");
        }
        if (item.Region.Length > 0)
        {
            parts.Add(Vocabulary.NameOf(Vocabulary.Regions, item.Region));
        }
        return string.Join(". ", parts);
    }
}
