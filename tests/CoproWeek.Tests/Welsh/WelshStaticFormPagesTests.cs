using CoproWeek.Hub;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Subscriptions;
using CoproWeek.Hub.Supporters;
using CoproWeek.Tests.Site;
using Xunit.Abstractions;

namespace CoproWeek.Tests.Welsh;

/// <summary>The sign-up, pledge and supporters pages the publisher writes, in both languages.</summary>
public sealed class WelshStaticFormPagesTests(ITestOutputHelper output)
{
    private static readonly SiteOptions Options = new() { PublicUrl = "https://coproweek.example", ApiUrl = "https://api.coproweek.example" };

    private static readonly PublishedSupporter[] Supporters =
    [
        new("s1", "cefnogwyr", 1, new PublicSupporter("Cefnogwyr Cymru", "https://cefnogwyr.example", "Dim byd amdanom ni hebom ni.", null), DateTimeOffset.UnixEpoch),
    ];

    public static TheoryData<string> Pages => ["subscribe", "support", "thanks", "supporters", "no-supporters"];

    private static string Render(string page, Language language) => page switch
    {
        "subscribe" => SubscribeFormPage.Render(Options, language),
        "support" => SupportTheWeekPage.Render(Options, language: language),
        "thanks" => SupportTheWeekPage.Thanks(Options, language),
        "supporters" => SupportersPage.Render(Supporters, Options, language),
        _ => SupportersPage.Render([], Options, language),
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void Each_page_is_sound_in_English_and_Welsh_in_Welsh_and_each_links_to_its_twin(string name)
    {
        var englishHtml = Render(name, Language.English);
        var welshHtml = Render(name, Language.Welsh);
        var english = PageChecks.AssertSoundPage(englishHtml);
        var welsh = PageChecks.Parse(welshHtml);
        var (englishBytes, welshBytes) = (System.Text.Encoding.UTF8.GetByteCount(englishHtml), System.Text.Encoding.UTF8.GetByteCount(welshHtml));
        output.WriteLine($"{name}: English {englishBytes:N0} bytes, Welsh {welshBytes:N0} bytes");
        Assert.True(welshBytes < 50 * 1024, $"{name} in Welsh is {welshBytes:N0} bytes");

        WelshChecks.AssertWelshPage(welsh);
        Assert.Single(welsh.QuerySelectorAll("h1"));
        Assert.Equal(english.QuerySelector("link[rel=canonical]")?.GetAttribute("href"), welsh.QuerySelector("a.language-link")!.GetAttribute("href"));
        Assert.Equal(welsh.QuerySelector("link[rel=canonical]")?.GetAttribute("href"), english.QuerySelector("a.language-link")!.GetAttribute("href"));
        Assert.StartsWith("https://coproweek.example/cy/", welsh.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        foreach (var form in welsh.QuerySelectorAll("main form"))
        {
            Assert.EndsWith("?lang=cy", form.GetAttribute("action"));
        }
    }

    [Fact]
    public void The_sign_up_form_asks_which_language_emails_come_in_with_the_page_language_chosen()
    {
        foreach (var language in Languages.All)
        {
            var page = PageChecks.Parse(SubscribeFormPage.Render(Options, language));
            var choices = page.QuerySelectorAll("input[type=radio][name=language]").Select(i => i.GetAttribute("value") ?? "").ToList();
            Assert.Equal(new[] { "cy", "en", "both" }, choices);
            Assert.Equal(language.Code(), page.QuerySelector("input[name=language][checked]")!.GetAttribute("value"));
        }
    }

    [Fact]
    public void The_publisher_writes_the_supporters_pages_in_both_languages_and_lists_both_in_the_sitemap()
    {
        var files = SupporterSite.FixedFiles(Options).Concat(SupporterSite.Indexes(Supporters, Options)).Select(f => f.Path).ToList();
        Assert.Equal(
            new[] { "cy/support-the-week/index.html", "cy/support-the-week/thanks/index.html", "cy/supporters/index.html",
             "support-the-week/index.html", "support-the-week/thanks/index.html", "supporters/index.html" },
            files.Order(StringComparer.Ordinal));
        Assert.Contains(SupporterSite.SitemapUrls(Options), u => u.Location == "https://coproweek.example/supporters/" && u.Welsh == "https://coproweek.example/cy/supporters/");
    }

    [Fact]
    public void A_Welsh_event_page_links_to_the_Welsh_access_request_form()
    {
        Assert.EndsWith("/cy/events/abc123/access-requests", Hub.AccessRequests.AccessRequestLink.Url("abc123", Options, Language.Welsh));
        Assert.EndsWith("/events/abc123/access-requests", Hub.AccessRequests.AccessRequestLink.Url("abc123", Options));
        Assert.DoesNotContain("/cy/", Hub.AccessRequests.AccessRequestLink.Url("abc123", Options));
    }
}
