using System.Globalization;
using System.Text;
using CoproWeek.Hub.Events;

namespace CoproWeek.Hub.Site;

/// <summary>
/// iCalendar files (RFC 5545): <c>events/{slug}/event.ics</c> for one event and <c>events/calendar.ics</c> for all
/// upcoming ones. Written by hand rather than through Ical.Net's serializer because the whole-calendar rebuild runs
/// over thousands of events; the tests read every file back with Ical.Net.
/// </summary>
public static class EventCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string CalendarName = "Co-production Week events";

    /// <param name="reader">Whose calendar it is: a bilingual event's words come in this language first (the Welsh site's calendars are in Welsh).</param>
    public static string ForEvent(PublishedEvent published, SiteOptions options, Language reader = Language.English)
    {
        var ics = new StringBuilder(2048);
        Begin(ics, null);
        AppendEvent(ics, published, options, reader);
        return ics.Append("END:VCALENDAR\r\n").ToString();
    }

    /// <summary>Every event that has not yet ended at <paramref name="now"/>, soonest first.</summary>
    public static string ForAll(IEnumerable<PublishedEvent> events, DateTimeOffset now, SiteOptions options, string name = CalendarName, Language reader = Language.English)
    {
        var ics = new StringBuilder(64 * 1024);
        Begin(ics, name);
        foreach (var published in EventList.Upcoming(events, now))
        {
            AppendEvent(ics, published, options, reader);
        }
        return ics.Append("END:VCALENDAR\r\n").ToString();
    }

    /// <summary>The UID calendars use to recognise the event again when it changes: stable across re-renders and versions.</summary>
    public static string Uid(string eventId) => $"{eventId}@coproductionweek";

    private static void Begin(StringBuilder ics, string? name)
    {
        ics.Append("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Co-production Week//CoproWeek hub//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n");
        if (name is not null)
        {
            Line(ics, "X-WR-CALNAME:" + Escape(name));
            Line(ics, "X-WR-TIMEZONE:Europe/London");
        }
    }

    private static void AppendEvent(StringBuilder ics, PublishedEvent published, SiteOptions options, Language reader)
    {
        var e = published.Details;
        var url = options.Url(reader.Localise(SitePaths.EventPage(published.Slug)));
        var text = e.TextFor(reader);
        var other = e.OtherTextFor(reader);
        ics.Append("BEGIN:VEVENT\r\n");
        Line(ics, "UID:" + Escape(Uid(published.Id)));
        // DTSTAMP is when this version went live, not when the file was written, so an unchanged event renders the same bytes.
        Line(ics, "DTSTAMP:" + Utc(published.PublishedAt));
        Line(ics, "LAST-MODIFIED:" + Utc(published.PublishedAt));
        Line(ics, "SEQUENCE:" + Math.Max(0, published.Version).ToString(CultureInfo.InvariantCulture));
        Line(ics, "DTSTART:" + Utc(e.Start));
        Line(ics, "DTEND:" + Utc(e.End));
        // Each text says its language (RFC 5545 LANGUAGE), so a calendar app can read Welsh words as Welsh. A property holds
        // one language: a bilingual event's description carries the other language's words after the first's, under the first's tag.
        Line(ics, $"SUMMARY;LANGUAGE={text.Language.Code()}:" + Escape(text.Title));
        var description = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(text.Summary))
        {
            description.Append(text.Summary.Trim()).Append("\n\n");
        }
        if (other is not null)
        {
            description.Append(other.Title.Trim()).Append('\n').Append(other.Summary.Trim()).Append("\n\n");
        }
        Line(ics, $"DESCRIPTION;LANGUAGE={text.Language.Code()}:" + Escape(description.Append(url).ToString()));
        if (EventWords.Location(e) is { Length: > 0 } location)
        {
            Line(ics, "LOCATION:" + Escape(location));
        }
        Line(ics, "URL:" + url);
        Line(ics, "STATUS:CONFIRMED");
        Line(ics, "TRANSP:OPAQUE");
        ics.Append("END:VEVENT\r\n");
    }

    private static string Utc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks.</summary>
    internal static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\': escaped.Append(@"\\"); break;
                case ';': escaped.Append(@"\;"); break;
                case ',': escaped.Append(@"\,"); break;
                case '\r':
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }
                    escaped.Append(@"\n");
                    break;
                case '\n': escaped.Append(@"\n"); break;
                // Other control characters are not allowed in TEXT; a tab is, the rest are dropped.
                case < ' ' and not '\t': break;
                default: escaped.Append(c); break;
            }
        }
        return escaped.ToString();
    }

    /// <summary>Writes one content line folded at 75 octets (RFC 5545 3.1), never inside a UTF-8 character.</summary>
    internal static void Line(StringBuilder ics, string line)
    {
        const int limit = 75;
        if (line.Length <= limit && Encoding.UTF8.GetByteCount(line) <= limit)
        {
            ics.Append(line).Append("\r\n");
            return;
        }
        var octets = 0;
        Span<char> pair = stackalloc char[2];
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                ics.Append("\r\n ");
                // The leading space of a continuation line counts towards its 75 octets.
                octets = 1;
            }
            ics.Append(pair[..rune.EncodeToUtf16(pair)]);
            octets += size;
        }
        ics.Append("\r\n");
    }
}
