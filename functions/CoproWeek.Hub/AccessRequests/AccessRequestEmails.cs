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
            "This is health information. Use it only to arrange their place, share it only with the people who need it for that, and delete it when the event is over. Co-production Week has not kept a copy. We have not checked that the contact details belong to the person who sent them.",
        };
        return EmailTemplate.Build($"access-{requestId}-organiser", organiserEmail, $"Access request for your event: {details.Title}", paragraphs, null, now,
            category: Category) with { ReplyTo = request.Email, Sensitive = true };
    }

    /// <summary>
    /// The person's copy, with what they asked for: only to an address whose owner has confirmed it to the hub, as
    /// nobody is sent someone else's words on a stranger's say-so.
    /// </summary>
    public static EmailMessage CopyToPerson(string requestId, EventDetails details, string eventUrl, AccessRequest request, DateTimeOffset now) =>
        EmailTemplate.Build($"access-{requestId}-copy", request.Email!, $"We sent your access request: {details.Title}",
        [
            $"Hello {request.Name},",
            $"We have sent your request to the organiser of \"{details.Title}\" ({UkTime.Range(details.Start, details.End)}).",
            "You asked for:\n" + string.Join("\n", AccessRequestInput.NeedWords(request).Select(n => "• " + n)),
            "What happens next: the organiser will contact you " + AccessRequestInput.ContactWords(request).ToLowerInvariant()
                + " to say what they can arrange. Most organisers reply within a few working days.",
            "We do not keep a copy of your request. This email is your record of it.",
            "If you do not hear back within a week, or the event is soon, send it again from the event's page.",
        ], new EmailTemplate.Link("See the event", eventUrl), now, category: Category) with { Sensitive = true };

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
