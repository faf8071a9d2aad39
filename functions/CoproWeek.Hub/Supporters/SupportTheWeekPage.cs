using System.Text;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Site;

namespace CoproWeek.Hub.Supporters;

/// <summary>
/// <c>support-the-week/index.html</c>, and the same page shown again by the API when something needs fixing: a plain
/// <c>multipart/form-data</c> form (for the logo), no JavaScript. Also its thank-you page.
/// </summary>
public static class SupportTheWeekPage
{
    public const string Heading = "Support Co-production Week";

    private static readonly IReadOnlySet<string> Required = new HashSet<string>(StringComparer.Ordinal) { "organisation", "website", "statement", "contactEmail" };

    public static string Render(SiteOptions options, EventFormValues? values = null, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var formErrors = new FormErrors(errors, SupporterValidator.Fields);
        values ??= EventFormValues.Empty;
        var html = new StringBuilder(8 * 1024);
        formErrors.WriteSummary(html);
        html.Append("<h1>").Append(Heading).Append("</h1>\n")
            .Append("<p class=\"lede\">Tell people your organisation supports the week, and why.</p>\n")
            .Append("<p>A person from our team reads every pledge before it goes on the <a href=\"").Text(options.Url(SupporterPaths.List))
            .Append("\">supporters page</a>. We will email you when it is there.</p>\n");
        if (formErrors.Any && values.Get("organisation") is { Length: > 0 })
        {
            html.Append("<p><strong>If you chose a logo, choose it again:</strong> for your safety, browsers do not keep files when a page comes back.</p>\n");
        }
        var form = new FormWriter(html, values, formErrors, Required);
        html.Append("<form method=\"post\" action=\"").Text(options.Api(Triggers.Routes.Supporters)).Append("\" enctype=\"multipart/form-data\" accept-charset=\"utf-8\" novalidate>\n");
        form.StartFieldset("Your organisation", "We show these on the supporters page.");
        form.Text("organisation", "Organisation name", "As it should appear, for example “Turning Point”.", autocomplete: "organization");
        form.Text("website", "Website", "Its full address, starting with https://.", "url", "url", "false");
        form.TextArea("statement", "Why you support the week", $"Up to {SupporterValidator.MaxStatement} characters, for example “We believe services work best when the people who use them help design them.”", 4);
        html.Append("<div class=\"field").Append(formErrors.Has(SupporterLogo.Field) ? " field-error" : "").Append("\">\n")
            .Append("<label for=\"field-logo\">Logo</label>\n")
            .Append("<p class=\"hint\" id=\"field-logo-hint\">Optional. A PNG, JPEG or WebP picture, up to 5 MB. We do not accept SVG files. We show it at most ")
            .Append(SupporterLogo.MaxWidth).Append(" pixels wide.</p>\n");
        if (formErrors.Has(SupporterLogo.Field))
        {
            html.Append("<p class=\"error-message\" id=\"field-logo-error\"><span class=\"visually-hidden\">Error: </span>")
                .Text(string.Join(" ", formErrors.For(SupporterLogo.Field))).Append("</p>\n");
        }
        html.Append("<input type=\"file\" id=\"field-logo\" name=\"").Append(SupporterLogo.Field).Append("\" accept=\"image/png,image/jpeg,image/webp\" aria-describedby=\"field-logo-hint")
            .Append(formErrors.Has(SupporterLogo.Field) ? " field-logo-error\" aria-invalid=\"true" : "").Append("\">\n</div>\n");
        form.EndFieldset();

        form.StartFieldset("About you", "We never publish your email address.", "about-you");
        form.Text("contactEmail", "Your email address", "We will ask you to confirm it, then send a private link to withdraw your pledge.", "email", "email", "false");
        form.EndFieldset();
        form.Checkbox("consent", "We agree to be listed on the supporters page with our name, website, statement and logo (required)");
        html.Append("<div class=\"visually-hidden\" aria-hidden=\"true\">\n<label for=\"field-url-trap\">Leave this empty</label>\n")
            .Append("<input type=\"text\" id=\"field-url-trap\" name=\"").Append(SupporterValidator.HoneypotField)
            .Append("\" value=\"\" tabindex=\"-1\" autocomplete=\"off\">\n</div>\n")
            .Append("<button type=\"submit\">Send our pledge</button>\n</form>\n");
        return SiteLayout.Render(options, formErrors.Any ? "Error: " + Heading : Heading, html.ToString(), SiteSection.None, new PageHead
        {
            Description = "Say that your organisation supports Co-production Week.",
            Canonical = options.Url(SupporterPaths.Form),
        });
    }

    public static string Thanks(SiteOptions options)
    {
        var html = new StringBuilder();
        html.Append("<h1>Thank you — we have your pledge</h1>\n")
            .Append("<p class=\"lede\">We have sent you an email.</p>\n")
            .Append("<h2>What happens next</h2>\n")
            .Append("<ul>\n<li>If this is the first time you have sent us something from this email address, our email asks you to confirm it. Open it and press the button. We cannot read your pledge until you do.</li>\n")
            .Append("<li>Then a person from the Co-production Week team will read it.</li>\n")
            .Append("<li>We will email you when your organisation is on the supporters page.</li>\n")
            .Append("<li>The email has a private link. Use it to take your organisation off the page at any time. Do not share the link.</li>\n</ul>\n")
            .Append("<p><a href=\"").Text(options.Url(SupporterPaths.List)).Append("\">See who supports the week</a></p>\n");
        return SiteLayout.Render(options, "Thank you — we have your pledge", html.ToString());
    }
}
