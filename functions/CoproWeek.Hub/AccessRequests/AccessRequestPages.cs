using CoproWeek.Hub.Events;
using CoproWeek.Hub.Rendering;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Site.Forms;
using CoproWeek.Hub.AccessRequests.Pages;
using Microsoft.AspNetCore.Components;
using static CoproWeek.Hub.AccessRequests.AccessRequestInput;

namespace CoproWeek.Hub.AccessRequests;

/// <summary>
/// The access request form the API serves (with what was typed and each problem beside its field when a post needs
/// changes), the page a sent request comes back to, and the page for an event that no longer takes requests, in the
/// reader's language (components in <c>Pages/</c>). Private pages: they are not indexed and send no referrer.
/// </summary>
public static class AccessRequestPages
{
    /// <summary>What the consent box stands for, word for word: the form and the README say the same.</summary>
    public static string WhatHappens(Language language) => Localised.Get<AccessRequestText>("WhatHappens", language);

    private static readonly IReadOnlySet<string> Required = new HashSet<string>(StringComparer.Ordinal) { Name, ContactBy, Consent };

    public static string Form(SiteOptions site, string eventId, PublishedEventSummary summary, EventFormValues? values, IReadOnlyDictionary<string, string[]>? errors,
        Language language = Language.English) =>
        Render<AccessRequestForm>(site, language, Triggers.Routes.AccessRequests, eventId, new()
        {
            [nameof(AccessRequestForm.EventId)] = eventId,
            [nameof(AccessRequestForm.Summary)] = summary,
            [nameof(AccessRequestForm.State)] = new FormState(values ?? EventFormValues.Empty, new FormErrors(errors, Fields), Required),
        });

    /// <summary>The confirmation; without <paramref name="summary"/> (the event no longer takes requests) it names no event.</summary>
    public static string Sent(SiteOptions site, string eventId, PublishedEventSummary? summary, Language language = Language.English) =>
        Render<AccessRequestSent>(site, language, Triggers.Routes.AccessRequestSent, eventId, new() { [nameof(AccessRequestSent.Summary)] = summary });

    /// <summary>The page for an event that takes no requests (ended, withdrawn, not on the site); keys in <see cref="AccessRequestText"/>.</summary>
    public static string Closed(SiteOptions site, string eventId, string titleKey, string detailKey, Language language = Language.English) =>
        Render<AccessRequestClosed>(site, language, Triggers.Routes.AccessRequests, eventId, new()
        {
            [nameof(AccessRequestClosed.TitleKey)] = titleKey,
            [nameof(AccessRequestClosed.DetailKey)] = detailKey,
        });

    private static string Render<TPage>(SiteOptions site, Language language, string route, string eventId, Dictionary<string, object?> parameters) where TPage : IComponent
    {
        parameters["Options"] = site;
        parameters["Language"] = language;
        var englishRoute = route.Replace("{id}", Uri.EscapeDataString(eventId), StringComparison.Ordinal);
        parameters["Head"] = new PageHead { Private = true, Translation = PageTranslation.OfApi(site, language, englishRoute) };
        return ComponentRenderer.Shared.Render<TPage>(parameters, language);
    }
}

/// <summary>What the request pages show of the event: its public title (and the language it is in), time and page, for one reader.</summary>
public sealed record PublishedEventSummary(string Title, string When, string Url)
{
    public Language TitleLanguage { get; init; } = Language.English;

    public static PublishedEventSummary Of(EventDetails details, string slug, SiteOptions site, Language reader = Language.English)
    {
        var text = details.TextFor(reader);
        return new(text.Title, UkTime.Range(details.Start, details.End, reader), site.Url(reader.Localise(SitePaths.EventPage(slug))))
        {
            TitleLanguage = text.Language,
        };
    }
}
