using System.Text;
using static CoproWeek.Hub.Subscriptions.Page;

namespace CoproWeek.Hub.Subscriptions;

/// <summary>
/// The public sign-up form. The publisher writes it to <c>/subscribe/index.html</c>; the API serves the same
/// form at <c>GET /api/subscriptions</c>, and again with errors beside the fields when a post needs changes.
/// </summary>
public static class SubscribeFormPage
{
    public const string Title = "Get emails about Co-production Week";

    /// <summary>The public sign-up page on the static site (the API serves the same form again with errors).</summary>
    public static string Render(SiteOptions site) => Page.Render(site, Title, Body(site, null, null), privateLink: false);

    internal static string Body(SiteOptions site, SubscriptionRequest? values, IReadOnlyDictionary<string, string[]>? errors)
    {
        var html = new StringBuilder();
        if (errors is { Count: > 0 })
        {
            html.Append("<div role=\"alert\"><h2>Please check your answers</h2><ul>");
            foreach (var (field, messages) in errors)
            {
                html.Append("<li><a href=\"#").Append(E(field)).Append("\">").Append(E(string.Join(" ", messages))).Append("</a></li>");
            }
            html.Append("</ul></div>");
        }
        html.Append("<p>We will email you about new events and stories. Choose how often, and what you want to hear about.</p>")
            .Append("<form method=\"post\" action=\"").Append(E(site.Api(Triggers.Routes.Subscriptions))).Append("\">");
        html.Append("<label for=\"email\">Your email address</label>");
        Error(html, errors, "email");
        html.Append("<input type=\"email\" id=\"email\" name=\"email\" autocomplete=\"email\" required maxlength=\"254\" value=\"")
            .Append(E(values?.Email)).Append("\">");
        Choices(html, "How often do you want emails?", "frequency", "radio",
            [new Term("weekly", "Once a week"), new Term("daily", "Every day")], [values?.Frequency ?? "weekly"], errors);
        Choices(html, "Which places? Choose none to hear about everywhere.", "regions", "checkbox", Vocabulary.Regions, values?.Regions ?? [], errors);
        Choices(html, "Which topics? Choose none to hear about everything.", "topics", "checkbox", Vocabulary.Topics, values?.Topics ?? [], errors);
        html.Append("<p>").Append(E(ConsentWording.Text)).Append("</p>")
            .Append("<p>We will send you an email. You need to press the button in it before we send you anything else.</p>")
            .Append("<button type=\"submit\">Sign up</button></form>");
        return html.ToString();
    }

    internal static void Choices(StringBuilder html, string legend, string name, string type, IReadOnlyList<Term> terms,
        IReadOnlyList<string> chosen, IReadOnlyDictionary<string, string[]>? errors)
    {
        html.Append("<fieldset id=\"").Append(name).Append("\"><legend>").Append(E(legend)).Append("</legend>");
        Error(html, errors, name);
        foreach (var term in terms)
        {
            var id = $"{name}-{term.Id}";
            html.Append("<label for=\"").Append(id).Append("\"><input type=\"").Append(type).Append("\" id=\"").Append(id)
                .Append("\" name=\"").Append(name).Append("\" value=\"").Append(E(term.Id)).Append('"')
                .Append(chosen.Contains(term.Id) ? " checked" : "").Append("> ").Append(E(term.Name)).Append("</label>");
        }
        html.Append("</fieldset>");
    }

    private static void Error(StringBuilder html, IReadOnlyDictionary<string, string[]>? errors, string field)
    {
        if (errors is not null && errors.TryGetValue(field, out var messages))
        {
            html.Append("<p class=\"error-message\" id=\"").Append(field).Append("-error\">Error: ").Append(E(string.Join(" ", messages))).Append("</p>");
        }
    }
}
