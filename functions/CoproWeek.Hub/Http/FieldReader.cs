using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;

namespace CoproWeek.Hub.Http;

/// <summary>
/// Reads and checks a submission's fields one by one, collecting every problem under its field name with a
/// message that says what to do, as GOV.UK forms do, in the request's language (<c>Http/FieldText.resx</c>). Fields it was never asked about are reported as unknown.
/// </summary>
public sealed partial class FieldReader(InputFields input, Language language = Language.English)
{
    /// <summary>The language the messages are written in (the request's).</summary>
    public Language Language => language;

    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);
    public bool IsValid => Errors.Count == 0;

    public void Fail(string name, string message)
    {
        Errors[name] = Errors.TryGetValue(name, out var existing) ? [.. existing, message] : [message];
    }

    /// <summary>Trimmed text, or null when absent or blank. Refuses control characters, and line breaks unless <paramref name="multiline"/>.</summary>
    public string? Text(string name, string label, int max, bool required = false, bool multiline = false)
    {
        _read.Add(name);
        var value = input[name];
        if (value is { WrongKind: true } or { Flag: not null } or { List: not null })
        {
            Fail(name, Say("AsText", label));
            return null;
        }
        var text = value?.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                Fail(name, Say("Required", label));
            }
            return null;
        }
        if (multiline)
        {
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        }
        if (text.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\t')) || HasHiddenCharacters(text, multiline))
        {
            Fail(name, multiline
                ? Say("HiddenMultiline", label)
                : Say("HiddenLine", label));
            return null;
        }
        if (new StringInfo(text).LengthInTextElements > max)
        {
            Fail(name, Say("TooLong", Opening(label), max));
            return null;
        }
        return text;
    }

    /// <summary>A yes/no: JSON true/false, or a form checkbox ("true", "on", "yes"); absent is no.</summary>
    public bool Flag(string name, string label)
    {
        _read.Add(name);
        var value = input[name];
        if (value is null)
        {
            return false;
        }
        if (value.Flag is { } flag)
        {
            return flag;
        }
        if (value.Text is { } text && input.FromForm)
        {
            switch (text.Trim().ToLowerInvariant())
            {
                case "true" or "on" or "yes":
                    return true;
                case "false" or "off" or "no" or "":
                    return false;
            }
        }
        Fail(name, Say("YesNo", label));
        return false;
    }

    /// <summary>A list of ids from a fixed list. A form sends one value per checkbox; JSON sends an array.</summary>
    public IReadOnlyList<string> Choices(string name, string label, IReadOnlyList<Term> allowed)
    {
        _read.Add(name);
        var value = input[name];
        IReadOnlyList<string> ids = value switch
        {
            null => [],
            { List: { } list } => list,
            { Text: { } text } when input.FromForm => text.Length == 0 ? [] : [text],
            _ => [],
        };
        if (value is { WrongKind: true } or { Flag: not null } || (value is { Text: not null } && !input.FromForm))
        {
            Fail(name, Say("AsList", label));
            return [];
        }
        var unknown = ids.Where(id => !Vocabulary.Contains(allowed, id)).ToList();
        if (unknown.Count > 0)
        {
            Fail(name, Say("NotOnList", label, string.Join(", ", unknown.Select(u => u.Length > 40 ? u[..40] + "…" : u))));
            return [];
        }
        return ids.Distinct().ToList();
    }

    /// <summary>One id from a fixed list.</summary>
    public string? Choice(string name, string label, IReadOnlyList<Term> allowed, bool required)
    {
        var id = Text(name, label, 60);
        if (id is null && required && !Errors.ContainsKey(name))
        {
            Fail(name, Say("Choose", label));
        }
        if (id is not null && !Vocabulary.Contains(allowed, id))
        {
            Fail(name, Say("ChooseFromList", label));
            return null;
        }
        return id;
    }

    /// <summary>An https web address.</summary>
    public string? Https(string name, string label, bool required = false)
    {
        var text = Text(name, label, 500, required);
        if (text is null)
        {
            return null;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || string.IsNullOrEmpty(uri.Host) || !uri.Host.Contains('.'))
        {
            Fail(name, Say("Https", label));
            return null;
        }
        return uri.ToString();
    }

    public string? Email(string name, string label, bool required = false)
    {
        var text = Text(name, label, 254, required);
        if (text is null)
        {
            return null;
        }
        if (!IsEmail(text))
        {
            Fail(name, Say("EmailFormat", label));
            return null;
        }
        return text;
    }

    public static bool IsEmail(string text) =>
        text.Length <= 254 && EmailShape().IsMatch(text) && MailAddress.TryCreate(text, out var parsed) && parsed.Address == text;

    /// <summary>
    /// A date and time. JSON must carry an offset (ISO 8601); the HTML form's datetime-local has none and is taken as UK time.
    /// </summary>
    public DateTimeOffset? Time(string name, string label, bool required)
    {
        var text = Text(name, label, 40, required);
        if (text is null)
        {
            return null;
        }
        if (DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm'Z'"],
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var withOffset))
        {
            return withOffset;
        }
        if (input.FromForm && DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            if (UkTime.IsInvalidTime(local))
            {
                Fail(name, Say("ClocksForward", Opening(label)));
                return null;
            }
            return new DateTimeOffset(local, UkTime.GetUtcOffset(local));
        }
        Fail(name, input.FromForm
            ? Say("FormTime", label)
            : Say("IsoTime", label));
        return null;
    }

    /// <summary>Marks a field as known without reading it (such as the honeypot).</summary>
    public InputValue? Take(string name)
    {
        _read.Add(name);
        return input[name];
    }

    /// <summary>Reports every field that was sent but is not one we know.</summary>
    public void RejectUnknown()
    {
        foreach (var name in input.Names.Where(n => !_read.Contains(n)))
        {
            Fail(name.Length > 60 ? name[..60] : name, Say("Unknown"));
        }
    }

    /// <summary>
    /// Characters that are not text a reader can see: half a surrogate pair, the bidirectional overrides and isolates
    /// that make a title read backwards in an email subject, and (on one line) line and paragraph separators and the
    /// other invisible format characters. The zero-width joiner stays: emoji such as families are made with it.
    /// </summary>
    public static bool HasHiddenCharacters(string text, bool multiline)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
            {
                return true;
            }
            if (!multiline && c != '\u200D' && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A message from <c>Http/FieldText.resx</c> in the reader's language.</summary>
    public string Say(string key, params object?[] args) => Rendering.Localised.Get<FieldText>(key, language, args);

    /// <summary>A field's label (<c>Label.{key}</c> in <c>Http/FieldText.resx</c>), worded to follow the messages' verbs ("Enter …", "Rhowch …").</summary>
    public string Label(string key) => Say("Label." + key);

    /// <summary>A label that opens an English sentence takes a capital; the Welsh messages never open with it.</summary>
    private string Opening(string label) => language == Language.Welsh || label.Length == 0 ? label : char.ToUpperInvariant(label[0]) + label[1..];

    [GeneratedRegex(@"^[^\s@<>()\[\],;:""]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")]
    private static partial Regex EmailShape();
}
