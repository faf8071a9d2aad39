using System.Text;

namespace CoproWeek.Hub.Site;

/// <summary>
/// The event form, used empty on <c>submit-event/</c>, shown again by the API with what was typed and what to fix,
/// and pre-filled on the organiser's manage page. A plain HTML form: it posts url-encoded fields named as in
/// <see cref="EventFormFields"/>, with no JavaScript.
/// </summary>
public static class EventForm
{
    /// <summary>Every field, top to bottom: the error summary lists problems in this order.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        EventFormFields.Title, EventFormFields.Summary, EventFormFields.EasyRead, EventFormFields.Description,
        EventFormFields.Start, EventFormFields.End, EventFormFields.Format,
        EventFormFields.VenueName, EventFormFields.VenueAddress, EventFormFields.VenuePostcode, EventFormFields.OnlineJoiningInfo,
        EventFormFields.Region, EventFormFields.Topics, EventFormFields.Cost, EventFormFields.BookingUrl,
        EventFormFields.LivedExperienceInvolvement, EventFormFields.ParticipantsPaid, EventFormFields.ExpensesCovered,
        .. Vocabulary.AccessNeeds.Select(n => EventFormFields.AccessNeed(n.Id)), EventFormFields.AccessNotes,
        EventFormFields.OrganiserName, EventFormFields.OrganiserWebsite, EventFormFields.ContactName, EventFormFields.ContactEmail,
    ];

    internal static FormErrors Errors(IReadOnlyDictionary<string, string[]>? errors) => new(errors, Fields);

    internal static void Write(StringBuilder html, string action, EventFormValues values, FormErrors errors, string submitLabel)
    {
        var form = new FormWriter(html, values, errors);
        html.Append("<form method=\"post\" action=\"").Text(action).Append("\" enctype=\"application/x-www-form-urlencoded\" accept-charset=\"utf-8\" novalidate>\n");

        form.StartFieldset("About your event");
        form.Text(EventFormFields.Title, "Name of the event", "Keep it short, for example “Planning our carers’ strategy together”.", spellcheck: "true");
        form.TextArea(EventFormFields.Summary, "Short summary", "One or two sentences. We show this in lists, in emails and in calendars.", 3);
        form.TextArea(EventFormFields.EasyRead, "Easy-read summary",
            "Optional. A few short sentences in plain words, one idea in each. We show this first on your event’s page.", 4);
        form.TextArea(EventFormFields.Description, "Full description",
            "What will happen, and who it is for. Plain text: leave an empty line between paragraphs.", 8);
        form.EndFieldset();

        form.StartFieldset("When", "Use UK time. For an event over more than one day, give the first start and the last finish.", "when");
        form.Text(EventFormFields.Start, "Starts", "For example 5 July 2027 at 10:00.", "datetime-local");
        form.Text(EventFormFields.End, "Finishes", "For example 5 July 2027 at 12:30.", "datetime-local");
        form.EndFieldset();

        form.Choices(EventFormFields.Format, "How will people take part?", null, Vocabulary.Formats, multiple: false);

        form.StartFieldset("Where", "For an event in person or hybrid, tell us the place. For an online or hybrid event, tell people how to join.", "where");
        form.Text(EventFormFields.VenueName, "Name of the place", "For example “Riverside Community Centre”.", autocomplete: "organization");
        form.TextArea(EventFormFields.VenueAddress, "Address", null, 3);
        form.Text(EventFormFields.VenuePostcode, "Postcode", null, autocomplete: "postal-code");
        form.TextArea(EventFormFields.OnlineJoiningInfo, "How to join online",
            "For example, which video call app you use and when you will send the link. Everyone can see this, so do not put private meeting passwords here.", 3);
        form.Select(EventFormFields.Region, "Region", "Choose “UK-wide or online” for national or online-only events.", Vocabulary.Regions, "Choose a region");
        form.EndFieldset();

        form.Choices(EventFormFields.Topics, "Topics", "Choose all that fit.", Vocabulary.Topics, multiple: true);

        form.StartFieldset("Cost and booking");
        form.Text(EventFormFields.Cost, "Cost", "Write “Free”, or what it costs, for example “£5, free for people with lived experience”.");
        form.Text(EventFormFields.BookingUrl, "Booking link", "Optional. The web address where people book a place, starting https://", "url", spellcheck: "false");
        form.EndFieldset();

        form.StartFieldset("Co-production");
        form.TextArea(EventFormFields.LivedExperienceInvolvement, "How people with lived experience shaped this event",
            "Who was involved in planning and running it, and how. We show this on your event’s page.", 5);
        form.Checkbox(EventFormFields.ParticipantsPaid, "People with lived experience who take part are paid for their time");
        form.Checkbox(EventFormFields.ExpensesCovered, "Their expenses, like travel, are covered");
        form.EndFieldset();

        form.StartFieldset("Access", "Tick everything your event has.", "access");
        foreach (var need in Vocabulary.AccessNeeds)
        {
            form.Checkbox(EventFormFields.AccessNeed(need.Id), need.Name);
        }
        form.TextArea(EventFormFields.AccessNotes, "Anything else about access",
            "For example, parking, the nearest bus stop, or how to ask for other support.", 3);
        form.EndFieldset();

        form.StartFieldset("Who is running it");
        form.Text(EventFormFields.OrganiserName, "Organisation or group", "We show this on your event’s page.", autocomplete: "organization");
        form.Text(EventFormFields.OrganiserWebsite, "Website", "Optional. Starting https://", "url", "url", "false");
        form.EndFieldset();

        form.StartFieldset("Your contact details", "We use these only to tell you about your event. We never publish them.", "contact");
        form.Text(EventFormFields.ContactName, "Your name", null, autocomplete: "name");
        form.Text(EventFormFields.ContactEmail, "Your email address", "We will send a private link to change your event.", "email", "email", "false");
        form.EndFieldset();

        // The spam trap: hidden from sight, from screen readers and from the tab order, so only robots fill it in.
        html.Append("<div class=\"visually-hidden\" aria-hidden=\"true\">\n<label for=\"field-website-trap\">Leave this empty</label>\n")
            .Append("<input type=\"text\" id=\"field-website-trap\" name=\"").Append(EventFormFields.Honeypot)
            .Append("\" value=\"\" tabindex=\"-1\" autocomplete=\"off\">\n</div>\n");

        html.Append("<button type=\"submit\">").Text(submitLabel).Append("</button>\n</form>\n");
    }
}
