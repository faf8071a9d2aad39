using System.Net;
using System.Text.RegularExpressions;
using CoproWeek.Hub;
using CoproWeek.Hub.Email;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Supporters;

namespace CoproWeek.Tests.Emails;

/// <summary>
/// A Welsh email sends its reader to Welsh twins of the hub's pages: every one of those links must lead somewhere,
/// an API route that both hosts map or a page the publisher writes.
/// </summary>
public sealed partial class WelshEmailLinkTests
{
    private static readonly string ApiRoot = SampleEmails.Site.Api("");
    private static readonly string PublicRoot = SampleEmails.Site.Public("");

    /// <summary>The folders of the pages the publisher writes, in English; each has its Welsh twin under <c>cy/</c>.</summary>
    private static readonly string[] PublishedPages =
    [
        Folder(SitePaths.Home), Folder(SitePaths.Events), Folder(SitePaths.SubmitEvent), Folder(SitePaths.Subscribe),
        Folder(PostPaths.Posts), Folder(PostPaths.SubmitPost), Folder(SupporterPaths.List), Folder(SupporterPaths.Form),
        "events/{slug}/", "posts/{slug}/", "digests/{slug}/",
    ];

    private static string Folder(string blobName) => blobName.EndsWith("index.html", StringComparison.Ordinal) ? blobName[..^"index.html".Length] : blobName;

    private static bool Matches(string template, string path) =>
        Regex.IsMatch(path, "^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]+}", "[^/]+") + "$");

    private static IEnumerable<string> LinksIn(EmailMessage email) =>
        Href().Matches(email.Html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .Concat(Address().Matches(email.Text).Select(m => m.Value));

    [Fact]
    public async Task Every_link_in_a_Welsh_email_opens_a_route_the_hub_maps_or_a_page_the_publisher_writes()
    {
        var routes = Triggers.All.OfType<HttpTriggerDefinition>().Select(t => t.Route).ToList();
        var dead = new List<string>();
        var checkedLinks = 0;
        foreach (var (name, email) in await WelshSampleEmails.AllAsync())
        {
            foreach (var link in LinksIn(email).Distinct())
            {
                var path = link.Split('?', '#')[0];
                if (path.StartsWith(ApiRoot, StringComparison.Ordinal))
                {
                    checkedLinks++;
                    var route = path[ApiRoot.Length..];
                    if (!routes.Any(r => Matches(r, route)))
                    {
                        dead.Add($"{name}: {link} (no route)");
                    }
                }
                else if (path.StartsWith(PublicRoot, StringComparison.Ordinal))
                {
                    checkedLinks++;
                    var page = path[PublicRoot.Length..];
                    if (!PublishedPages.Any(p => Matches(p, page) || Matches("cy/" + p, page)))
                    {
                        dead.Add($"{name}: {link} (no page)");
                    }
                }
            }
        }

        Assert.True(checkedLinks > 10, $"Only {checkedLinks} links were found to check.");
        Assert.True(dead.Count == 0, "Links in Welsh emails that lead nowhere:\n" + string.Join("\n", dead));
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Address();
}
