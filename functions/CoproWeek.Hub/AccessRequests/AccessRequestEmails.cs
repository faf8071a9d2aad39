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
    public const string EventLabel = "See the event";

    /// <summary>To the event's contact: what the person needs and how to reach them.</summary>
    public static async Task<EmailMessage> ToOrganiserAsync(string requestId, EventDetails details, string organiserEmail, AccessRequest request, DateTimeOffset now)
    {
        var rows = AccessRequestInput.NeedWords(request).Select(n => new RecapRow("They need", n)).ToList();
        rows.Add(new RecapRow("How to contact them", AccessRequestInput.ContactWords(request)));
        if (request.Email is not null)
        {
            rows.Add(new RecapRow("Email", request.Email));
        }
        if (request.Phone is not null)
        {
            rows.Add(new RecapRow("Phone", request.Phone));
        }
        var letter = new Letter
        {
            Subject = $"Access request for your event: {details.Title}",
            Heading = "Someone has asked about access",
            Greeting = $"Hello {details.Contact.Name},",
            Opening =
            [
                $"Someone who wants to come to \"{details.Title}\" ({UkTime.Range(details.Start, details.End)}) has asked what you can arrange so they can take part. They sent this through the event's page on the Co-production Week website.",
            ],
            Recap = new Recap("Their request", $"From {request.Name}", rows),
            Next = new Section("What to do next",
            [
                request.Email is null
                    ? "Please contact them the way they asked, and tell them what you can arrange."
                    : "Reply to this email to answer them, or contact them the way they asked. Tell them what you can arrange.",
                request.Email is null
                    ? "We have not checked that these contact details belong to the person who sent this."
                    : $"Your reply goes to {request.Email}, the address typed into the form. We have not checked that this address belongs to the person who sent this, so before you share anything about their needs, make sure you are talking to them.",
            ]),
            Closing =
            [
                "This is health information. Use it only to arrange their place, share it only with the people who need it for that, and delete it when the event is over. Co-production Week has not kept a copy.",
            ],
        };
        return await Letters.ToEmailAsync($"access-{requestId}-organiser", organiserEmail, letter, now, Category)
            with { ReplyTo = request.Email, Sensitive = true };
    }

    /// <summary>
    /// The person's copy, only to an address whose owner has confirmed it to the hub, at most one a day per mailbox.
    /// Confirmed only means the mailbox once confirmed with the hub, not that it is the sender's: so the copy repeats
    /// nothing the sender wrote (no name, no "something else" words), only the event and the access words from our
    /// own list they ticked.
    /// </summary>
    public static async Task<EmailMessage> CopyToPersonAsync(string requestId, EventDetails details, string email, string eventUrl, AccessRequest request, DateTimeOffset now)
    {
        // The words the person chose on the form: the organiser's fuller instructions ("their number") are not for them.
        var contact = Vocabulary.NameOf(AccessRequestInput.ContactChoices, request.ContactBy);
        var letter = new Letter
        {
            Subject = $"We sent your access request: {details.Title}",
            Heading = "We sent your access request",
            Greeting = "Hello,",
            Opening = ["We have sent your request to the event's organiser."],
            Recap = new Recap("What you asked for", details.Title,
            [
                new RecapRow("When", UkTime.Range(details.Start, details.End)),
                .. ChosenWords(request).Select(n => new RecapRow("You asked for", n)),
            ]),
            Next = new Section("What happens next",
            [
                $"The organiser will contact you {char.ToLowerInvariant(contact[0])}{contact[1..]} to say what they can arrange. Most organisers reply within a few working days.",
                "If you do not hear back within a week, or the event is soon, send it again from the event's page.",
            ]),
            Action = new LetterLink(EventLabel, eventUrl),
            Closing = ["We do not keep a copy of your request, and this email does not repeat what you wrote in it."],
            Footnote = "If this was not you, you can ignore this email. We send at most one of these a day to an address.",
        };
        return await Letters.ToEmailAsync($"access-{requestId}-copy", email, letter, now, Category) with { Sensitive = true };
    }

    /// <summary>The ticked needs in our own words; "something else" without what the person wrote.</summary>
    public static IEnumerable<string> ChosenWords(AccessRequest request) =>
        request.Needs.Select(n => n == AccessRequestInput.Other ? "Something else (what you wrote went to the organiser)" : Vocabulary.NameOf(AccessRequestInput.NeedChoices, n));

    /// <summary>
    /// To an address the hub has not confirmed: fixed words that repeat nothing the sender wrote, so the form cannot
    /// be used to send a stranger someone else's words.
    /// </summary>
    public static async Task<EmailMessage> NoticeToPersonAsync(string requestId, EventDetails details, string email, string eventUrl, DateTimeOffset now)
    {
        var letter = new Letter
        {
            Subject = $"Your access request has gone to the organiser: {details.Title}",
            Heading = "An access request has gone to the organiser",
            Greeting = "Hello,",
            Opening =
            [
                $"Someone gave this email address when they asked the organiser of \"{details.Title}\" what they can arrange so they can take part. We have sent the request on.",
            ],
            Next = new Section("What happens next",
            [
                "The organiser will contact them to say what they can arrange. Most organisers reply within a few working days.",
            ]),
            Action = new LetterLink(EventLabel, eventUrl),
            Closing = ["We do not keep a copy of the request, so this email does not repeat it."],
            Footnote = "If this was not you, you can ignore this email. We will not send you anything else about it.",
        };
        return await Letters.ToEmailAsync($"access-{requestId}-notice", email, letter, now, Category) with { Sensitive = true };
    }
}
