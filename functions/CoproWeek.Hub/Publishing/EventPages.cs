using System.Net;
using System.Text;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Http;
using Microsoft.AspNetCore.Http;

namespace CoproWeek.Hub.Publishing;

/// <summary>Which files make up the events part of the public site, and the pages the API answers forms with.</summary>
public sealed class EventPages
{
    public IReadOnlyList<string> EventFilePaths(string slug) => [$"events/{slug}/index.html", $"events/{slug}/event.ics"];

    public IReadOnlyList<SiteFile> EventFiles(PublishedEvent item)
    {
        var paths = EventFilePaths(item.Slug);
        return
        [
            new SiteFile(paths[0], Page(item.Details.Title, $"<h1>{E(item.Details.Title)}</h1><p>{E(item.Details.Summary)}</p>"), SiteWriter.Html),
            new SiteFile(paths[1], $"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Co-production Week//EN\r\nBEGIN:VEVENT\r\nUID:{item.Id}@coproweek\r\nDTSTAMP:{item.PublishedAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}\r\nDTSTART:{item.Details.Start.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}\r\nDTEND:{item.Details.End.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}\r\nSUMMARY:{item.Details.Title}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", SiteWriter.Calendar),
        ];
    }

    public IReadOnlyList<SiteFile> IndexFiles(IReadOnlyList<PublishedEvent> events, DateTimeOffset now)
    {
        var upcoming = events.Where(e => e.Details.End >= now).OrderBy(e => e.Details.Start).ToList();
        var list = string.Concat(upcoming.Select(e => $"<li><a href=\"/events/{e.Slug}/\">{E(e.Details.Title)}</a></li>"));
        return
        [
            new SiteFile("events/index.html", Page("Events", $"<h1>Events</h1><ul>{list}</ul>"), SiteWriter.Html),
            new SiteFile("index.html", Page("Co-production Week", "<h1>Co-production Week</h1>"), SiteWriter.Html),
        ];
    }

    public IResult SubmitFormWithErrors(InputFields fields, Dictionary<string, string[]> errors) =>
        Results.Content(Page("There is a problem", "<h1>There is a problem</h1><ul>" + string.Concat(errors.Select(e => $"<li>{E(e.Key)}: {E(string.Join(" ", e.Value))}</li>")) + "</ul>"),
            "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status400BadRequest);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Page(string title, string body) =>
        $"<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>{E(title)}</title></head><body><main id=\"main\">{body}</main></body></html>";
}
