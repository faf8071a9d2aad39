using CoproWeek.Hub.Http;
using CoproWeek.Hub.Rendering;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Site.Forms;
using CoproWeek.Hub.Subscriptions.Pages;
using Microsoft.AspNetCore.Http;

namespace CoproWeek.Hub.Subscriptions;

/// <summary>The preferences page (<see cref="PreferencesForm"/>) at <c>/api/subscriptions/preferences?token=…</c> and its Welsh twin under <c>cy/</c>.</summary>
public static class PreferencesPage
{
    internal static IResult Answer(SiteOptions site, Language language, Subscriber subscriber, string token, SubscriptionRequest? values,
        IReadOnlyDictionary<string, string[]>? errors, string? notice, int status = StatusCodes.Status200OK)
    {
        var query = Page.TokenQuery(token);
        return PrivateAnswer.Html(ComponentRenderer.Shared.Render<PreferencesForm>(new Dictionary<string, object?>
        {
            [nameof(PreferencesForm.Options)] = site,
            [nameof(PreferencesForm.State)] = new FormState(SubscribeFormPage.Values(values, subscriber, language), new FormErrors(errors, SubscribeFormPage.Fields)),
            [nameof(PreferencesForm.Subscriber)] = subscriber,
            [nameof(PreferencesForm.Query)] = query,
            [nameof(PreferencesForm.Notice)] = notice,
            [nameof(PreferencesForm.Language)] = language,
            [nameof(PreferencesForm.Head)] = new PageHead
            {
                Private = true,
                Translation = PageTranslation.OfApi(site, language, Triggers.Routes.SubscriptionPreferences, query),
            },
        }, language), status);
    }
}
