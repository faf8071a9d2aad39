using CoproWeek.Hub.Http;

namespace CoproWeek.Hub.AccessRequests;

/// <summary>
/// What a person asks an event's organiser for so they can take part: special-category data (it can reveal a
/// disability or condition), so it only ever travels in the two emails' queue messages and is kept nowhere.
/// </summary>
public sealed record AccessRequest(
    IReadOnlyList<string> Needs,
    string? OtherNeeds,
    string Name,
    string ContactBy,
    string? Email,
    string? Phone);

/// <summary>Reads an access request from JSON or a form post, field by field, as the other public forms do.</summary>
public static class AccessRequestInput
{
    public const string Needs = "needs";
    public const string OtherNeeds = "otherNeeds";
    public const string Name = "name";
    public const string ContactBy = "contactBy";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Consent = "consent";

    /// <summary>The "something else" box among the needs; its words go in <see cref="OtherNeeds"/>.</summary>
    public const string Other = "other";

    public const int MaxOtherNeeds = 1_000;
    public const int MaxName = 100;
    public const int MaxPhone = 30;

    /// <summary>A request is a few short answers; nothing past this is read.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>The fields in the order the form shows them, so the error summary follows the page.</summary>
    public static readonly IReadOnlyList<string> Fields = [Needs, OtherNeeds, ContactBy, Name, Email, Phone, Consent];

    /// <summary>The access words events use, and "something else".</summary>
    public static readonly IReadOnlyList<Term> NeedChoices = [.. Vocabulary.AccessNeeds, new(Other, "Something else")];

    public static readonly IReadOnlyList<Term> ContactChoices =
    [
        new("email", "By email"),
        new("phone", "By phone"),
        new("text-relay", "By text relay (Relay UK)"),
        new("someone-else", "Through someone else, such as a carer or supporter"),
    ];

    /// <summary>The request, or null with each problem under its field's name, in the reader's language.</summary>
    public static (AccessRequest? Request, Dictionary<string, string[]> Errors) Read(InputFields fields, Language language = Language.English)
    {
        string Words(string key) => Rendering.Localised.Get<AccessRequestText>(key, language);
        var reader = new FieldReader(fields, language);
        var needs = reader.Choices(Needs, Words("LabelNeeds"), NeedChoices).ToList();
        var other = reader.Text(OtherNeeds, Words("LabelOtherNeeds"), MaxOtherNeeds, multiline: true);
        // Required answers are checked here rather than by the reader, so that their messages are in the reader's language.
        var contactBy = Required(reader, ContactBy, reader.Choice(ContactBy, Words("LabelContactBy"), ContactChoices, required: false), Words("ErrorContactBy"));
        var name = Required(reader, Name, reader.Text(Name, Words("LabelName"), MaxName), Words("ErrorName"));
        var email = reader.Email(Email, Words("LabelEmail"));
        var phone = reader.Text(Phone, Words("LabelPhone"), MaxPhone);
        var consent = reader.Flag(Consent, Words("LabelConsent"));
        reader.RejectUnknown();

        if (other is not null && !needs.Contains(Other))
        {
            needs.Add(Other); // words in the box are "something else", ticked or not
        }
        if (needs.Count == 0 && !reader.Errors.ContainsKey(Needs) && !reader.Errors.ContainsKey(OtherNeeds))
        {
            reader.Fail(Needs, Words("ErrorNeeds"));
        }
        if (needs.Contains(Other) && other is null && !reader.Errors.ContainsKey(OtherNeeds))
        {
            reader.Fail(OtherNeeds, Words("ErrorOtherNeeds"));
        }
        if (phone is not null && !IsPhone(phone))
        {
            reader.Fail(Phone, Words("ErrorPhone"));
            phone = null;
        }
        var phoneOk = !reader.Errors.ContainsKey(Phone);
        var emailOk = !reader.Errors.ContainsKey(Email);
        switch (contactBy)
        {
            case "email" when email is null && emailOk:
                reader.Fail(Email, Words("ErrorEmailForEmail"));
                break;
            case "phone" or "text-relay" when phone is null && phoneOk:
                reader.Fail(Phone, Words(contactBy == "phone" ? "ErrorPhoneForPhone" : "ErrorPhoneForRelay"));
                break;
            case "someone-else" when email is null && phone is null && emailOk && phoneOk:
                reader.Fail(Email, Words("ErrorSomeoneElse"));
                break;
        }
        if (!consent && !reader.Errors.ContainsKey(Consent))
        {
            reader.Fail(Consent, Words("ErrorConsent"));
        }
        if (!reader.IsValid)
        {
            return (null, reader.Errors);
        }
        return (new AccessRequest(needs, other, name!, contactBy!, email, phone), reader.Errors);
    }

    /// <summary>The answer, or null with <paramref name="message"/> under the field when nothing was given (and nothing else was wrong with it).</summary>
    private static string? Required(FieldReader reader, string name, string? value, string message)
    {
        if (value is null && !reader.Errors.ContainsKey(name))
        {
            reader.Fail(name, message);
        }
        return value;
    }

    private static bool IsPhone(string text) =>
        text.Count(char.IsAsciiDigit) is >= 6 and <= 15 && text.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '(' or ')' or '-');

    /// <summary>How the person wants to be contacted, in words for the organiser.</summary>
    public static string ContactWords(AccessRequest request) => request.ContactBy switch
    {
        "email" => "By email",
        "phone" => "By phone",
        "text-relay" => "By text relay (Relay UK: from a phone, dial 18002 before their number)",
        _ => "Through someone else, such as a carer or supporter, at the details below",
    };

    /// <summary>Each need in words, "something else" with what the person wrote.</summary>
    public static IEnumerable<string> NeedWords(AccessRequest request) =>
        request.Needs.Select(n => n == Other ? "Something else: " + request.OtherNeeds : Vocabulary.NameOf(NeedChoices, n));
}
