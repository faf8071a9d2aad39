using System.Globalization;
using System.Text;
using CoproWeek.Hub.Site;

namespace CoproWeek.Hub.Supporters;

/// <summary><c>supporters/index.html</c>: every approved supporter, alphabetical, with its logo, statement and website.</summary>
public static class SupportersPage
{
    private static readonly CompareInfo English = CultureInfo.GetCultureInfo("en-GB").CompareInfo;

    /// <summary>By name as people read it ("the" and case ignored would surprise nobody, but we keep to the name as given), ties by id.</summary>
    public static IReadOnlyList<PublishedSupporter> Alphabetical(IEnumerable<PublishedSupporter> supporters) =>
        supporters.OrderBy(s => s.Supporter.Name, Comparer<string>.Create((a, b) => English.Compare(a, b, CompareOptions.IgnoreCase)))
            .ThenBy(s => s.Id, StringComparer.Ordinal).ToList();

    public static string Render(IEnumerable<PublishedSupporter> supporters, SiteOptions options)
    {
        var shown = Alphabetical(supporters);
        var html = new StringBuilder(2048 + shown.Count * 600);
        html.Append("<h1>Who supports the week</h1>\n")
            .Append("<p class=\"lede\">These organisations have publicly supported Co-production Week.</p>\n")
            .Append("<p><a href=\"").Text(options.Url(SupporterPaths.Form)).Append("\">Add your organisation</a></p>\n");
        if (shown.Count == 0)
        {
            html.Append("<p>No organisations are listed yet. Yours could be the first.</p>\n");
        }
        else
        {
            html.Append("<p class=\"count\" id=\"count\">").Append(shown.Count == 1 ? "1 organisation" : $"{shown.Count:N0} organisations").Append("</p>\n")
                .Append("<ul class=\"event-list supporters\" aria-labelledby=\"count\">\n");
            foreach (var published in shown)
            {
                Card(html, published.Supporter);
            }
            html.Append("</ul>\n");
        }
        return SiteLayout.Render(options, "Who supports the week", html.ToString(), SiteSection.None, new PageHead
        {
            Description = "Organisations that support Co-production Week.",
            Canonical = options.Url(SupporterPaths.List),
        });
    }

    /// <summary>One organisation: the logo (its name is beside it, so the picture needs no words of its own), name, statement and website.</summary>
    public static void Card(StringBuilder html, PublicSupporter supporter)
    {
        html.Append("<li class=\"card supporter\">\n");
        if (supporter.Logo is { } logo)
        {
            html.Append("<img src=\"").Text(logo.Url).Append("\" alt=\"\" width=\"").Append(logo.Width).Append("\" height=\"").Append(logo.Height).Append("\" loading=\"lazy\">\n");
        }
        html.Append("<h2>").Text(supporter.Name).Append("</h2>\n").Paragraphs(supporter.Statement);
        if (Html.SafeUrl(supporter.Website) is { } website)
        {
            html.Append("<p><a href=\"").Text(website).Append("\" rel=\"nofollow\">").Text(supporter.Name).Append(" website</a></p>\n");
        }
        html.Append("</li>\n");
    }
}
