using CoproWeek.Hub.Http;
using CoproWeek.Hub.Rendering;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Site.Forms;
using CoproWeek.Hub.Subscriptions.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CoproWeek.Hub.Subscriptions;

/// <summary>
/// The public sign-up form (<see cref="SubscribeForm"/>). The publisher writes it to <c>subscribe/index.html</c> and
/// <c>cy/subscribe/index.html</c>; the API serves the same form at <c>GET /api/subscriptions</c> (<c>/api/cy/subscriptions</c>),
/// and again with errors beside the fields when a post needs changes.
/// </summary>
public static class SubscribeFormPage
{
    public const string Folder = "subscribe/";
    public const string Path = Folder + "index.html";

    /// <summary>The form's fields, top to bottom: the error summary follows this order.</summary>
    public static readonly IReadOnlyList<string> Fields = ["email", "frequency", "language", "regions", "topics"];

    /// <summary>The public sign-up page on the static site, in <paramref name="language"/>.</summary>
    public static string Render(SiteOptions site, Language language = Language.English) =>
        Html(site, language, null, null, privateLink: false);

    /// <summary>The form as the API answers it: the same page, with what was sent and its errors.</summary>
    internal static IResult Answer(SiteOptions site, Language language, SubscriptionRequest? values, IReadOnlyDictionary<string, string[]>? errors,
        int status = StatusCodes.Status200OK) =>
        PrivateAnswer.Html(Html(site, language, values, errors, privateLink: true), status);

    private static string Html(SiteOptions site, Language language, SubscriptionRequest? values, IReadOnlyDictionary<string, string[]>? errors, bool privateLink) =>
        ComponentRenderer.Shared.Render<SubscribeForm>(new Dictionary<string, object?>
        {
            [nameof(SubscribeForm.Options)] = site,
            [nameof(SubscribeForm.State)] = new FormState(Values(values, null, language), new FormErrors(errors, Fields)),
            [nameof(SubscribeForm.Language)] = language,
            [nameof(SubscribeForm.Head)] = new PageHead
            {
                Private = privateLink,
                Description = Localised.Get<SubscriptionText>("SubscribeDescription", language),
                Canonical = privateLink ? null : site.Url(language.Localise(Path)),
                Translation = PageTranslation.OfSite(site, language, Path),
            },
        }, language);

    /// <summary>
    /// What the choices show: what was sent, else the subscriber's saved choices, else the defaults (weekly, emails in
    /// the page's language).
    /// </summary>
    internal static EventFormValues Values(SubscriptionRequest? sent, Subscriber? saved, Language language) =>
        EventFormValues.From(new Dictionary<string, StringValues>
        {
            ["email"] = sent?.Email ?? "",
            ["frequency"] = sent?.Frequency ?? saved?.Frequency ?? "weekly",
            ["language"] = sent?.Language ?? saved?.Language ?? language.Code(),
            ["regions"] = (sent?.Regions ?? saved?.RegionList ?? []).ToArray(),
            ["topics"] = (sent?.Topics ?? saved?.TopicList ?? []).ToArray(),
        });
}
