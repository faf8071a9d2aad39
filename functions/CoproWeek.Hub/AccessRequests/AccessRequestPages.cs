using System.Text;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Site;
using static CoproWeek.Hub.AccessRequests.AccessRequestInput;

namespace CoproWeek.Hub.AccessRequests;

/// <summary>
/// The access request form the API serves (with what was typed and each problem beside its field when a post needs
/// changes), the page a sent request comes back to, and the page for an event that no longer takes requests.
/// Private pages: they are not indexed and send no referrer.
/// </summary>
public static class AccessRequestPages
{
    public const string Heading = "Ask about access";

    /// <summary>What the consent box stands for, word for word: the form and the README say the same.</summary>
    public const string WhatHappens =
        "We email what you write here to the organiser of this event, and, if you give an email address, email you to say it has gone (that email lists the needs you ticked, not what you typed). " +
        "It may include health information. Co-production Week keeps no copy: once the emails are sent, nothing of it is left with us. " +
        "The organiser uses it to arrange your place and should delete it after the event.";

    private static readonly IReadOnlySet<string> Required = new HashSet<string>(StringComparer.Ordinal) { Name, ContactBy, Consent };

    public static string Form(SiteOptions site, string eventId, PublishedEventSummary summary, EventFormValues? values, IReadOnlyDictionary<string, string[]>? errors)
    {
        var formErrors = new FormErrors(errors, Fields);
        var html = new StringBuilder(8 * 1024);
        formErrors.WriteSummary(html);
        html.Append("<h1>").Append(Heading).Append("</h1>\n")
            .Append("<p class=\"lede\">Tell the organiser of <a href=\"").Text(summary.Url).Append("\">").Text(summary.Title).Append("</a> what you need to take part.</p>\n")
            .Append("<p>").Text(summary.When).Append(" <span class=\"hint\">UK time</span></p>\n")
            .Append("<p>We send your request to the organiser privately. They do not put their email address on the website, so we pass it on for you.</p>\n");

        var chosen = values ?? EventFormValues.Empty;
        var form = new FormWriter(html, chosen, formErrors, Required);
        html.Append("<form method=\"post\" action=\"").Text(site.Api($"events/{eventId}/access-requests")).Append("\" accept-charset=\"utf-8\" novalidate>\n");
        form.Choices(Needs, "What do you need?", "Tick all that apply.", NeedChoices, multiple: true);
        form.TextArea(OtherNeeds, "Something else you need",
            $"For example a carer’s free place, a large-print agenda, or travel expenses paid before the day. Up to {MaxOtherNeeds:N0} characters.", 4);
        form.Choices(ContactBy, "How do you want the organiser to contact you?", null, ContactChoices, multiple: false);

        form.StartFieldset("Your details", "The organiser uses these to reply to you. We do not keep them.", "details");
        form.Text(Name, "Your name", null, autocomplete: "name", spellcheck: "false");
        form.Text(AccessRequestInput.Email, "Email address", "Needed if you want to be contacted by email. We email you to say your request has gone.", type: "email", autocomplete: "email", spellcheck: "false");
        form.Text(Phone, "Phone number", "Needed if you want a call or text relay. If someone else will speak for you, give their email address or phone number.", type: "tel", autocomplete: "tel");
        form.EndFieldset();

        html.Append("<h2>What happens to what you write</h2>\n<p id=\"what-happens\">").Text(WhatHappens).Append("</p>\n");
        form.Checkbox(Consent, "I agree: send this to the organiser");
        html.Append("<button type=\"submit\">Send to the organiser</button>\n</form>\n");
        return SiteLayout.Render(site, formErrors.Any ? "Error: " + Heading : Heading, html.ToString(), SiteSection.Events, new PageHead { Private = true });
    }

    /// <summary>The confirmation; without <paramref name="summary"/> (the event no longer takes requests) it names no event.</summary>
    public static string Sent(SiteOptions site, PublishedEventSummary? summary)
    {
        var html = new StringBuilder();
        html.Append("<h1>Your request has gone to the organiser</h1>\n");
        if (summary is null)
        {
            html.Append("<p class=\"lede\">We have sent what you need to the organiser of the event.</p>\n");
        }
        else
        {
            html.Append("<p class=\"lede\">We have sent what you need to the organiser of <a href=\"").Text(summary.Url).Append("\">").Text(summary.Title).Append("</a>.</p>\n");
        }
        html
            .Append("<h2>What happens next</h2>\n<ul>\n")
            .Append("<li>The organiser will contact you the way you asked, to say what they can arrange.</li>\n")
            .Append("<li>If you gave an email address, we email you to say the request has gone (one such email a day at most).</li>\n")
            .Append("<li>We do not keep a copy of your request.</li>\n")
            .Append("<li>If you do not hear back within a week, or the event is soon, you can send it again.</li>\n</ul>\n")
            .Append("<p><a href=\"").Text(summary?.Url ?? site.Url(SitePaths.Events)).Append("\">").Append(summary is null ? "See all events" : "Back to the event").Append("</a></p>\n");
        return SiteLayout.Render(site, "Your request has gone to the organiser", html.ToString(), SiteSection.Events, new PageHead { Private = true });
    }

    /// <summary>The page for an event that takes no requests (ended, withdrawn, not on the site).</summary>
    public static string Closed(SiteOptions site, string title, string message)
    {
        var html = new StringBuilder();
        html.Append("<h1>").Text(title).Append("</h1>\n<p>").Text(message).Append("</p>\n")
            .Append("<p><a href=\"").Text(site.Url(SitePaths.Events)).Append("\">See all events</a></p>\n");
        return SiteLayout.Render(site, title, html.ToString(), SiteSection.Events, new PageHead { Private = true });
    }
}

/// <summary>What the request pages show of the event: its public title, time and page.</summary>
public sealed record PublishedEventSummary(string Title, string When, string Url)
{
    public static PublishedEventSummary Of(EventDetails details, string slug, SiteOptions site) =>
        new(details.Title, UkTime.Range(details.Start, details.End), site.Url(SitePaths.EventPage(slug)));
}
