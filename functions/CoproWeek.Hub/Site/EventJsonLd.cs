using System.Text.Json;
using CoproWeek.Hub.Events;

namespace CoproWeek.Hub.Site;

/// <summary>
/// schema.org <c>Event</c> for an event page, so search engines and calendars can read it. Its words are the page's
/// (a bilingual event's in the page's language, the other language's title as <c>alternateName</c>), and
/// <c>inLanguage</c> says which languages the listing is written in.
/// </summary>
public static class EventJsonLd
{
    public static string Write(PublishedEvent published, SiteOptions options, Language page = Language.English)
    {
        var e = published.Details;
        var url = options.Url(page.Localise(SitePaths.EventPage(published.Slug)));
        var text = e.TextFor(page);
        var other = e.OtherTextFor(page);
        var booking = Html.SafeUrl(e.BookingUrl);
        return SiteJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteString("@type", "Event");
            json.WriteString("name", text.Title);
            json.WriteString("description", text.Summary);
            WriteLanguages(json, text, other);
            json.WriteString("startDate", UkTime.Iso(e.Start));
            json.WriteString("endDate", UkTime.Iso(e.End));
            json.WriteString("eventStatus", "https://schema.org/EventScheduled");
            json.WriteString("eventAttendanceMode", "https://schema.org/" + AttendanceMode(e));
            json.WriteString("url", url);
            // Events carry no picture of their own: the week's card stands for them, as on a shared link.
            json.WriteStartArray("image");
            json.WriteStringValue(options.Public(Brand.SocialCard));
            json.WriteEndArray();
            json.WriteBoolean("isAccessibleForFree", e.IsFree);
            WriteLocation(json, e, booking ?? url);
            json.WriteStartObject("organizer");
            json.WriteString("@type", "Organization");
            json.WriteString("name", e.Organiser.Name);
            if (Html.SafeUrl(e.Organiser.Website) is { } website)
            {
                json.WriteString("url", website);
            }
            json.WriteEndObject();
            json.WriteStartObject("offers");
            json.WriteString("@type", "Offer");
            if (e.IsFree)
            {
                json.WriteNumber("price", 0);
                json.WriteString("priceCurrency", "GBP");
            }
            else
            {
                if (EventPrice.Lowest(e.Cost) is { } price)
                {
                    json.WriteNumber("price", price);
                    json.WriteString("priceCurrency", "GBP");
                }
                json.WriteString("description", EventWords.Cost(e));
            }
            json.WriteString("availability", "https://schema.org/InStock");
            json.WriteString("validFrom", UkTime.Iso(published.PublishedAt));
            json.WriteString("url", booking ?? url);
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    /// <summary>
    /// <c>inLanguage</c>: <c>en-GB</c> or <c>cy</c>, or both (the reader's first) for a bilingual listing, whose other
    /// language's title is its <c>alternateName</c>. Stories' <c>BlogPosting</c> uses the same.
    /// </summary>
    public static void WriteLanguages(Utf8JsonWriter json, ListingText text, ListingText? other)
    {
        if (other is null || other.Language == text.Language)
        {
            json.WriteString("inLanguage", text.Language.HtmlLang());
            return;
        }
        json.WriteString("alternateName", other.Title);
        json.WriteStartArray("inLanguage");
        json.WriteStringValue(text.Language.HtmlLang());
        json.WriteStringValue(other.Language.HtmlLang());
        json.WriteEndArray();
    }

    private static string AttendanceMode(EventDetails e) => e.Format switch
    {
        "online" => "OnlineEventAttendanceMode",
        "hybrid" => "MixedEventAttendanceMode",
        _ => "OfflineEventAttendanceMode",
    };

    private static void WriteLocation(Utf8JsonWriter json, EventDetails e, string virtualUrl)
    {
        var place = EventWords.HasVenue(e) || !EventWords.IsOnline(e);
        var online = EventWords.IsOnline(e);
        json.WritePropertyName("location");
        if (place && online)
        {
            json.WriteStartArray();
        }
        if (place)
        {
            json.WriteStartObject();
            json.WriteString("@type", "Place");
            var venue = e.Venue;
            json.WriteString("name", FirstOf(venue?.Name, venue?.Address, EventWords.Region(e), "To be confirmed"));
            json.WriteStartObject("address");
            json.WriteString("@type", "PostalAddress");
            if (!string.IsNullOrWhiteSpace(venue?.Address))
            {
                json.WriteString("streetAddress", venue.Address.Trim());
            }
            if (!string.IsNullOrWhiteSpace(venue?.Postcode))
            {
                json.WriteString("postalCode", venue.Postcode.Trim());
            }
            if (EventWords.Region(e) is { Length: > 0 } region && e.Region != "uk-wide")
            {
                json.WriteString("addressRegion", region);
            }
            json.WriteString("addressCountry", "GB");
            json.WriteEndObject();
            json.WriteEndObject();
        }
        if (online)
        {
            json.WriteStartObject();
            json.WriteString("@type", "VirtualLocation");
            json.WriteString("url", virtualUrl);
            json.WriteEndObject();
        }
        if (place && online)
        {
            json.WriteEndArray();
        }
    }

    private static string FirstOf(params string?[] values) => values.First(v => !string.IsNullOrWhiteSpace(v))!.Trim();
}
