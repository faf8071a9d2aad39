using System.Globalization;
using NodaTime;

namespace CoproWeek.Hub.Site;

/// <summary>
/// Dates and times as people in the UK say them: "Monday 5 July 2027, 10am to 12:30pm", in Europe/London time
/// whatever offset the organiser used. Midday and midnight are written as words, as GOV.UK does, so 12am/12pm never confuse.
/// </summary>
public static class UkTime
{
    // NodaTime carries its own time zone database, so the wording does not depend on the host's tzdata.
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The same instant with the UK offset of that moment (+00:00 in winter, +01:00 in summer).</summary>
    public static DateTimeOffset ToUk(DateTimeOffset instant) =>
        Instant.FromDateTimeOffset(instant).InZone(London).ToDateTimeOffset();

    /// <summary>A wall-clock time in the UK (as a form's datetime-local gives it) as an instant; the later one when the clocks go back.</summary>
    public static DateTimeOffset FromUkLocal(DateTime local) =>
        LocalDateTime.FromDateTime(local).InZoneLeniently(London).ToDateTimeOffset();

    /// <summary>"Monday 5 July 2027".</summary>
    public static string Date(DateTimeOffset instant) => Date(DateOnly.FromDateTime(ToUk(instant).DateTime));

    public static string Date(DateOnly date) => date.ToString("dddd d MMMM yyyy", English);

    /// <summary>"10am", "12:30pm", "midday", "midnight".</summary>
    public static string Time(DateTimeOffset instant) => Time(TimeOnly.FromDateTime(ToUk(instant).DateTime));

    public static string Time(TimeOnly time)
    {
        if (time is { Hour: 0, Minute: 0 })
        {
            return "midnight";
        }
        if (time is { Hour: 12, Minute: 0 })
        {
            return "midday";
        }
        var hour = time.Hour % 12 == 0 ? 12 : time.Hour % 12;
        var suffix = time.Hour < 12 ? "am" : "pm";
        return time.Minute == 0
            ? $"{hour}{suffix}"
            : $"{hour}:{time.Minute:00}{suffix}";
    }

    /// <summary>"Monday 5 July 2027, 10am to 12:30pm", or both dates when the event runs over more than one day.</summary>
    public static string Range(DateTimeOffset start, DateTimeOffset end)
    {
        var from = ToUk(start);
        var to = ToUk(end);
        return from.Date == to.Date
            ? $"{Date(start)}, {Time(start)} to {Time(end)}"
            : $"{Date(start)}, {Time(start)} to {Date(end)}, {Time(end)}";
    }

    /// <summary>The week's seven days in words: "Monday 5 July to Sunday 11 July 2027".</summary>
    public static string Week(DateOnly first)
    {
        var last = first.AddDays(6);
        var start = first.Year == last.Year ? first.ToString("dddd d MMMM", English) : Date(first);
        return $"{start} to {Date(last)}";
    }

    // Welsh names are written out rather than read from the platform's culture data, whose capitals and forms vary by
    // ICU version: a day is "dydd Llun" mid-sentence, and a month keeps its own name after a number ("5 Gorffennaf").
    private static readonly string[] WelshDays = ["dydd Sul", "dydd Llun", "dydd Mawrth", "dydd Mercher", "dydd Iau", "dydd Gwener", "dydd Sadwrn"];
    private static readonly string[] WelshMonths = ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"];

    /// <summary>"Monday 5 July 2027" in English, "dydd Llun 5 Gorffennaf 2027" in Welsh.</summary>
    public static string Date(DateTimeOffset instant, Language language) => Date(DateOnly.FromDateTime(ToUk(instant).DateTime), language);

    public static string Date(DateOnly date, Language language) =>
        language == Language.Welsh ? $"{WelshDays[(int)date.DayOfWeek]} {date.Day} {WelshMonths[date.Month - 1]} {date.Year}" : Date(date);

    /// <summary>"Monday 5 July" / "dydd Llun 5 Gorffennaf": a day within the week, as a heading gives it.</summary>
    public static string DayAndMonth(DateOnly date, Language language) =>
        language == Language.Welsh ? $"{WelshDays[(int)date.DayOfWeek]} {date.Day} {WelshMonths[date.Month - 1]}" : date.ToString("dddd d MMMM", English);

    /// <summary>"Monday" / "dydd Llun".</summary>
    public static string DayName(DateOnly date, Language language) =>
        language == Language.Welsh ? WelshDays[(int)date.DayOfWeek] : date.ToString("dddd", English);

    /// <summary>"July" / "Gorffennaf".</summary>
    public static string MonthName(int month, Language language) =>
        language == Language.Welsh ? WelshMonths[month - 1] : new DateOnly(2000, month, 1).ToString("MMMM", English);

    /// <summary>"10am" / "10yb", "12:30pm" / "12:30yp", "midday" / "canol dydd", "midnight" / "hanner nos".</summary>
    public static string Time(DateTimeOffset instant, Language language) => Time(TimeOnly.FromDateTime(ToUk(instant).DateTime), language);

    public static string Time(TimeOnly time, Language language)
    {
        if (language != Language.Welsh)
        {
            return Time(time);
        }
        if (time is { Hour: 0, Minute: 0 })
        {
            return "hanner nos";
        }
        if (time is { Hour: 12, Minute: 0 })
        {
            return "canol dydd";
        }
        var hour = time.Hour % 12 == 0 ? 12 : time.Hour % 12;
        // Welsh writes "yb" (y bore, the morning) and "yp" (y prynhawn, the afternoon) where English writes am and pm.
        var suffix = time.Hour < 12 ? "yb" : "yp";
        return time.Minute == 0 ? $"{hour}{suffix}" : $"{hour}:{time.Minute:00}{suffix}";
    }

    /// <summary>"dydd Llun 5 Gorffennaf 2027, 10yb i 12:30yp" in Welsh; <see cref="Range(DateTimeOffset, DateTimeOffset)"/> in English.</summary>
    public static string Range(DateTimeOffset start, DateTimeOffset end, Language language)
    {
        if (language != Language.Welsh)
        {
            return Range(start, end);
        }
        return ToUk(start).Date == ToUk(end).Date
            ? $"{Date(start, language)}, {Time(start, language)} i {AfterI(Time(end, language))}"
            : $"{Date(start, language)}, {Time(start, language)} i {AfterI(Date(end, language))}, {Time(end, language)}";
    }

    /// <summary>"Monday 5 July to Sunday 11 July 2027" / "dydd Llun 5 Gorffennaf i dydd Sul 11 Gorffennaf 2027".</summary>
    public static string Week(DateOnly first, Language language)
    {
        if (language != Language.Welsh)
        {
            return Week(first);
        }
        var last = first.AddDays(6);
        var start = first.Year == last.Year ? DayAndMonth(first, language) : Date(first, language);
        return $"{start} i {AfterI(Date(last, language))}";
    }

    // "i" (to) softens the word after it: "i ddydd Sul", "i ganol dydd".
    private static string AfterI(string words) =>
        words.StartsWith("dydd ", StringComparison.Ordinal) ? "d" + words
        : words.StartsWith("canol ", StringComparison.Ordinal) ? "g" + words[1..]
        : words;

    /// <summary>ISO 8601 with the UK offset, as JSON-LD and events.json give it: <c>2027-07-05T10:00:00+01:00</c>.</summary>
    public static string Iso(DateTimeOffset instant) => ToUk(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>The value of a <c>datetime-local</c> input: the UK wall-clock time, to the minute.</summary>
    public static string LocalInput(DateTimeOffset instant) => ToUk(instant).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
