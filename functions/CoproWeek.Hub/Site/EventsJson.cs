using System.Text.Json;
using CoproWeek.Hub.Events;

namespace CoproWeek.Hub.Site;

/// <summary>
/// <c>events/events.json</c>: the published events as open data, soonest first. Public fields only, in a fixed order
/// with stable camelCase names; the organiser's contact details are never read. Missing values are written as null.
/// </summary>
public static class EventsJson
{
    public const string ContentType = "application/json; charset=utf-8";

    public static string Render(IEnumerable<PublishedEvent> events, DateTimeOffset now, SiteOptions options) =>
        SiteJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("generated", UkTime.Iso(now));
            json.WriteStartArray("events");
            foreach (var published in EventList.Upcoming(events, now))
            {
                Write(json, published, options);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });

    private static void Write(Utf8JsonWriter json, PublishedEvent published, SiteOptions options)
    {
        var e = published.Details;
        json.WriteStartObject();
        json.WriteString("id", published.Id);
        json.WriteString("slug", published.Slug);
        json.WriteString("url", options.Url(SitePaths.EventPage(published.Slug)));
        json.WriteString("title", e.Title);
        json.WriteString("summary", e.Summary);
        json.WriteString("description", e.Description);
        json.WriteString("start", UkTime.Iso(e.Start));
        json.WriteString("end", UkTime.Iso(e.End));
        json.WriteString("format", e.Format);
        json.WriteString("region", e.Region);
        json.WriteStartArray("topics");
        foreach (var topic in e.Topics)
        {
            json.WriteStringValue(topic);
        }
        json.WriteEndArray();
        json.WriteString("cost", EventWords.Cost(e));
        json.WriteBoolean("free", e.IsFree);
        json.StringOrNull("bookingUrl", Html.SafeUrl(e.BookingUrl));
        json.StringOrNull("easyRead", e.EasyRead);
        // The language of the words above (en or cy; en when bilingual), and a bilingual event's Welsh words.
        var language = ListingLanguage.Of(e.Language);
        json.WriteString("language", language);
        if (language == ListingLanguage.Bilingual && e.Welsh is { } welsh)
        {
            json.WriteStartObject("welsh");
            json.WriteString("title", welsh.Title);
            json.WriteString("summary", welsh.Summary);
            json.StringOrNull("description", welsh.Description);
            json.StringOrNull("easyRead", welsh.EasyRead);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("welsh");
        }
        json.WriteStartObject("organiser");
        json.WriteString("name", e.Organiser.Name);
        json.StringOrNull("website", Html.SafeUrl(e.Organiser.Website));
        json.WriteEndObject();
        if (EventWords.HasVenue(e))
        {
            json.WriteStartObject("venue");
            json.StringOrNull("name", e.Venue!.Name);
            json.StringOrNull("address", e.Venue.Address);
            json.StringOrNull("postcode", e.Venue.Postcode);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("venue");
        }
        if (EventWords.IsOnline(e))
        {
            json.WriteStartObject("online");
            json.StringOrNull("joiningInfo", e.Online?.JoiningInfo);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("online");
        }
        json.WriteStartObject("coproduction");
        json.StringOrNull("livedExperienceInvolvement", e.Coproduction.LivedExperienceInvolvement);
        json.WriteBoolean("participantsPaid", e.Coproduction.ParticipantsPaid);
        json.WriteBoolean("expensesCovered", e.Coproduction.ExpensesCovered);
        json.WriteEndObject();
        json.WriteStartObject("access");
        json.WriteBoolean("stepFree", e.Access.StepFree);
        json.WriteBoolean("bsl", e.Access.Bsl);
        json.WriteBoolean("hearingLoop", e.Access.HearingLoop);
        json.WriteBoolean("captions", e.Access.Captions);
        json.WriteBoolean("easyReadMaterials", e.Access.EasyReadMaterials);
        json.WriteBoolean("quietSpace", e.Access.QuietSpace);
        json.WriteBoolean("accessibleToilets", e.Access.AccessibleToilets);
        json.StringOrNull("notes", e.Access.Notes);
        json.WriteEndObject();
        json.WriteString("updated", published.PublishedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteEndObject();
    }
}
