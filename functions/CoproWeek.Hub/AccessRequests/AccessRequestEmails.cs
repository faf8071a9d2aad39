using CoproWeek.Hub.Email;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Site;

namespace CoproWeek.Hub.AccessRequests;

/// <summary>
/// The emails an access request makes: the request itself to the organiser (replies go to the person), and the
/// person's own copy. Each is marked sensitive, so no copy of it is kept on the way.
/// </summary>
public static class AccessRequestEmails
{
    public const string Category = "access-request";

    /// <summary>To the event's contact: what the person needs and how to reach them.</summary>
    public static EmailMessage ToOrganiser(string requestId, EventDetails details, string organiserEmail, AccessRequest request, DateTimeOffset now)
    {
        var paragraphs = new List<string>
        {
            $"Hello {details.Contact.Name},",
            $"Someone who wants to come to \"{details.Title}\" ({UkTime.Range(details.Start, details.End)}) has asked what you can arrange so they can take part. They sent this through the event's page on the Co-production Week website.",
            "What they need:\n" + string.Join("\n", AccessRequestInput.NeedWords(request).Select(n => "• " + n)),
            $"Their name: {request.Name}",
            "How they want to be contacted: " + AccessRequestInput.ContactWords(request)
                + (request.Email is null ? "" : $"\nEmail: {request.Email}")
                + (request.Phone is null ? "" : $"\nPhone: {request.Phone}"),
            request.Email is null
                ? "Please contact them the way they asked, and tell them what you can arrange."
                : "Reply to this email to answer them, or contact them the way they asked. Tell them what you can arrange.",
            request.Email is null
                ? "We have not checked that these contact details belong to the person who sent this."
                : $"Your reply goes to {request.Email}, the address typed into the form. We have not checked that this address belongs to the person who sent this, so before you share anything about their needs, make sure you are talking to them.",
            "This is health information. Use it only to arrange their place, share it only with the people who need it for that, and delete it when the event is over. Co-production Week has not kept a copy.",
        };
        return EmailTemplate.Build($"access-{requestId}-organiser", organiserEmail, $"Access request for your event: {details.Title}", paragraphs, null, now,
            category: Category) with { ReplyTo = request.Email, Sensitive = true };
    }

    /// <summary>
    /// The person's copy, only to an address whose owner has confirmed it to the hub, at most one a day per mailbox.
    /// Confirmed only means the mailbox once confirmed with the hub, not that it is the sender's: so the copy repeats
    /// nothing the sender wrote (no name, no "something else" words), only the event and the access words from our
    /// own list they ticked.
    /// </summary>
    public static EmailMessage CopyToPerson(string requestId, EventDetails details, string email, string eventUrl, AccessRequest request, DateTimeOffset now) =>
        EmailTemplate.Build($"access-{requestId}-copy", email, $"We sent your access request: {details.Title}",
        [
            "Hello,",
            $"We have sent your request to the organiser of \"{details.Title}\" ({UkTime.Range(details.Start, details.End)}).",
            "You asked for:\n" + string.Join("\n", ChosenWords(request).Select(n => "• " + n)),
            "What happens next: the organiser will contact you " + AccessRequestInput.ContactWords(request).ToLowerInvariant()
                + " to say what they can arrange. Most organisers reply within a few working days.",
            "We do not keep a copy of your request, and this email does not repeat what you wrote in it.",
            "If you do not hear back within a week, or the event is soon, send it again from the event's page.",
            "If this was not you, you can ignore this email. We send at most one of these a day to an address.",
        ], new EmailTemplate.Link("See the event", eventUrl), now, category: Category) with { Sensitive = true };

    /// <summary>The ticked needs in our own words; "something else" without what the person wrote.</summary>
    public static IEnumerable<string> ChosenWords(AccessRequest request) =>
        request.Needs.Select(n => n == AccessRequestInput.Other ? "Something else (what you wrote went to the organiser)" : Vocabulary.NameOf(AccessRequestInput.NeedChoices, n));

    /// <summary>
    /// To an address the hub has not confirmed: fixed words that repeat nothing the sender wrote, so the form cannot
    /// be used to send a stranger someone else's words.
    /// </summary>
    public static EmailMessage NoticeToPerson(string requestId, EventDetails details, string email, string eventUrl, DateTimeOffset now) =>
        EmailTemplate.Build($"access-{requestId}-notice", email, $"Your access request has gone to the organiser: {details.Title}",
        [
            "Hello,",
            $"Someone gave this email address when they asked the organiser of \"{details.Title}\" what they can arrange so they can take part. We have sent the request on.",
            "What happens next: the organiser will contact them to say what they can arrange. Most organisers reply within a few working days.",
            "We do not keep a copy of the request, so this email does not repeat it.",
            "If this was not you, you can ignore this email. We will not send you anything else about it.",
        ], new EmailTemplate.Link("See the event", eventUrl), now, category: Category) with { Sensitive = true };
}
