using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CoproWeek.Hub;
using CoproWeek.Hub.Digests;
using CoproWeek.Hub.Subscriptions;
using CoproWeek.Tests.Welsh;

namespace CoproWeek.Tests.Emails;

/// <summary>Every email in Welsh for a Welsh reader, in its HTML and its plain text; and in both languages, Welsh first, for a reader of both.</summary>
public sealed class WelshEmailTests
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The plain-text part as a Welsh page, so the same check that reads pages can read it.</summary>
    internal static IDocument TextAsPage(string text) =>
        Parser.ParseDocument("<!DOCTYPE html><html lang=\"cy\"><head><title></title></head><body><pre>" + WebUtility.HtmlEncode(text) + "</pre></body></html>");

    /// <param name="ownWords">A listing's own words, which a plain-text part cannot mark as English.</param>
    internal static void AssertWelsh(string name, string html, string text, params IEnumerable<string> ownWords)
    {
        // Addresses are not words: "/events/" in a link is no English left behind.
        text = System.Text.RegularExpressions.Regex.Replace(text, @"https?://\S+", "");
        foreach (var words in ownWords.Where(w => w.Length > 0).OrderByDescending(w => w.Length))
        {
            text = text.Replace(words, "", StringComparison.Ordinal);
        }
        var page = Parser.ParseDocument(html);
        Assert.Equal("cy", page.DocumentElement.GetAttribute("lang"));
        var left = WelshChecks.EnglishLeftIn(page);
        Assert.True(left.Count == 0, $"English left in the Welsh {name} email:\n" + string.Join("\n", left));
        var leftInText = WelshChecks.EnglishLeftIn(TextAsPage(text));
        Assert.True(leftInText.Count == 0, $"English left in the Welsh {name} email's text:\n" + string.Join("\n", leftInText));
    }

    [Fact]
    public async Task Every_email_type_for_a_Welsh_reader_is_Welsh_in_its_html_and_its_plain_text()
    {
        var emails = await WelshSampleEmails.AllAsync();

        Assert.Equal((await SampleEmails.AllAsync()).Keys.Order(), emails.Keys.Order());
        foreach (var (name, email) in emails)
        {
            // The checks' findings are English; the HTML marks them, plain text cannot.
            AssertWelsh(name, email.Html, email.Text, SampleEmails.EventSubmission.Findings.Select(f => f.Message));
            Assert.Equal(email.Subject, Parser.ParseDocument(email.Html).Title);
            Assert.Contains("Wythnos Cyd-gynhyrchu: dim byd amdanom ni hebom ni.", email.Text);
        }
    }

    [Fact]
    public async Task A_Welsh_receipt_names_the_listing_by_its_Welsh_title_dates_it_in_Welsh_and_links_to_the_Welsh_manage_page()
    {
        var email = (await WelshSampleEmails.AllAsync())["event-receipt"];
        var html = Parser.ParseDocument(email.Html);

        Assert.Equal("Mae eich digwyddiad gyda ni: Cyd-gynhyrchu gwasanaethau iechyd meddwl yn Leeds", email.Subject);
        Assert.Contains("dydd Llun 5 Gorffennaf 2027, 10yb i 12:30yp", email.Text);
        Assert.Contains("Rhanbarth: ", email.Text);
        Assert.Contains(html.QuerySelectorAll("a"), a => a.GetAttribute("href") == WelshSampleEmails.WelshManageUrl && a.TextContent == Hub.Events.EventEmails.ManageLabel(Language.Welsh));
    }

    [Fact]
    public async Task The_checks_findings_quoted_in_a_Welsh_email_are_marked_as_English()
    {
        var email = (await WelshSampleEmails.AllAsync())["event-held"];
        var quote = Parser.ParseDocument(email.Html).QuerySelectorAll("p").Single(p => p.TextContent.Contains("already on the calendar", StringComparison.Ordinal));

        Assert.Equal("en-GB", quote.GetAttribute("lang"));
    }

    [Fact]
    public async Task A_Welsh_subscriber_confirmation_links_to_the_Welsh_confirm_and_preferences_pages()
    {
        var email = (await WelshSampleEmails.AllAsync())["subscription-confirm"];
        var links = Parser.ParseDocument(email.Html).QuerySelectorAll("a[href*='token=']").Select(a => a.GetAttribute("href")!).ToList();

        Assert.Contains("https://hub.coproweek.example/api/cy/subscriptions/confirm?token=s.confirm~secret", links);
        Assert.Contains("https://hub.coproweek.example/api/cy/subscriptions/preferences?token=s.prefs~secret", links);
        Assert.Contains("https://hub.coproweek.example/api/cy/subscriptions/confirm?token=s.confirm~secret", email.Text);
    }

    [Fact]
    public async Task A_reader_of_both_languages_gets_one_confirmation_Welsh_first_then_English_each_part_marked_and_linked_in_its_own_language()
    {
        var email = await Hub.Subscriptions.ConfirmationEmail.CreateAsync(SampleEmails.Site, "sam@example.org", "s.confirm~secret", "s.prefs~secret", SampleEmails.Now,
            SubscriberLanguage.Languages(SubscriberLanguage.Both));
        var html = Parser.ParseDocument(email.Html);
        var parts = html.QuerySelectorAll("[role=main] > div[lang]").ToList();

        Assert.Equal("Cadarnhewch, os gwelwch yn dda: e-byst gan Wythnos Cyd-gynhyrchu / Please confirm: emails from Co-production Week", email.Subject);
        Assert.Equal("cy", html.DocumentElement.GetAttribute("lang"));
        Assert.Equal(["cy", "en-GB"], parts.Select(p => p.GetAttribute("lang")));
        Assert.Single(html.QuerySelectorAll("h1"));
        Assert.Empty(WelshChecks.EnglishLeftIn(Parser.ParseDocument("<html lang=\"cy\"><body>" + parts[0].OuterHtml + "</body></html>")));
        Assert.Contains("Please confirm your email address", parts[1].TextContent);
        Assert.Contains(parts[0].QuerySelectorAll("a"), a => a.GetAttribute("href")!.Contains("/api/cy/subscriptions/confirm?", StringComparison.Ordinal));
        Assert.Contains(parts[1].QuerySelectorAll("a"), a => a.GetAttribute("href")!.Contains("/api/subscriptions/confirm?", StringComparison.Ordinal));
        Assert.True(email.Text.IndexOf("Cadarnhewch eich cyfeiriad e-bost", StringComparison.Ordinal) < email.Text.IndexOf("Please confirm your email address", StringComparison.Ordinal));
        Assert.Contains("Wythnos Cyd-gynhyrchu: dim byd amdanom ni hebom ni.\nCo-production Week: nothing about us without us.\n", email.Text);
    }

    private static readonly string[] Regions = ["wales", "london"];
    private static readonly string[] Topics = ["housing", "mental-health"];

    private static async Task<(DigestContent Content, string Html, string Text, DigestLetter Letter)> DigestAsync(string language)
    {
        var items = SampleDigest.Items;
        var matching = Enumerable.Range(0, items.Count).Where(i => DigestMatching.Matches(items[i], Regions, Topics)).ToList();
        var content = await DigestContent.BuildAsync("weekly-20270628T070000Z", "weekly", items, matching, SampleEmails.Site, SampleDigest.Sent,
            SubscriberLanguage.Languages(language));
        var letter = new DigestLetter("reader@example.org", matching, "https://hub.coproweek.example/api/subscriptions/unsubscribe?token=u",
            "https://hub.coproweek.example/api/subscriptions/preferences?token=p", Regions, Topics, language);
        var (html, text) = content.Fill(letter);
        return (content, html, text, letter);
    }

    [Fact]
    public async Task A_Welsh_digest_is_Welsh_with_the_listings_own_English_words_marked_and_links_to_Welsh_pages()
    {
        var (content, html, text, letter) = await DigestAsync(SubscriberLanguage.Welsh);
        var page = Parser.ParseDocument(html);

        AssertWelsh("digest", html, text, SampleDigest.Items.SelectMany(i => new[] { i.Title, i.Summary, i.Excerpt ?? "" }));
        Assert.Equal("5 digwyddiad a 2 stori ar gyfer Wythnos Cyd-gynhyrchu", content.Subject(letter.Items.ToList()));
        Assert.Equal("dydd Llun 5 Gorffennaf 2027", page.QuerySelectorAll("h2")[0].TextContent);
        var swansea = page.QuerySelectorAll("h3").Single(h => h.TextContent == "Planning together in Swansea");
        Assert.Equal("en-GB", swansea.GetAttribute("lang"));
        Assert.Equal("https://coproweek.example/cy/events/e-wales-7/", swansea.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("10yb i ganol dydd", swansea.ParentElement!.TextContent);
        Assert.Contains("Mynediad: ", swansea.ParentElement!.TextContent);
        Assert.Contains("https://hub.coproweek.example/api/cy/subscriptions/preferences?token=p", html);
        Assert.Contains("https://coproweek.example/cy/digests/weekly-20270628T070000Z/", html);
        Assert.Contains("Rydych chi'n cael yr e-bost hwn unwaith yr wythnos", text);
    }

    [Fact]
    public async Task A_digest_for_a_reader_of_both_has_the_Welsh_part_then_the_English_one_and_a_bilingual_subject()
    {
        var (content, html, text, letter) = await DigestAsync(SubscriberLanguage.Both);
        var page = Parser.ParseDocument(html);
        var parts = page.QuerySelectorAll("[role=main] > div[lang]").ToList();

        Assert.Equal("5 digwyddiad a 2 stori ar gyfer Wythnos Cyd-gynhyrchu / 5 events and 2 stories for Co-production Week", content.Subject(letter.Items.ToList()));
        Assert.Equal("cy", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(["cy", "en-GB"], parts.Select(p => p.GetAttribute("lang")));
        Assert.Empty(WelshChecks.EnglishLeftIn(Parser.ParseDocument("<html lang=\"cy\"><body>" + parts[0].OuterHtml + "</body></html>")));
        Assert.Contains("Monday 5 July 2027", parts[1].TextContent);
        Assert.Contains("dydd Llun 5 Gorffennaf 2027", parts[0].TextContent);
        Assert.True(text.IndexOf("Newydd yr wythnos hon", StringComparison.Ordinal) < text.IndexOf("New this week", StringComparison.Ordinal));
        Assert.DoesNotContain("%", text.Replace("%20", "", StringComparison.Ordinal));
        Assert.DoesNotContain("%", html.Replace("100%", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_digest_web_copy_exists_in_both_languages_each_linking_to_the_other()
    {
        var english = Parser.ParseDocument(await DigestContent.WebCopyAsync("weekly-20270628T070000Z", "weekly", SampleDigest.Items, SampleEmails.Site, SampleDigest.Sent));
        var welsh = Parser.ParseDocument(await DigestContent.WebCopyAsync("weekly-20270628T070000Z", "weekly", SampleDigest.Items, SampleEmails.Site, SampleDigest.Sent, Language.Welsh));

        Assert.Equal("en-GB", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("cy", welsh.DocumentElement.GetAttribute("lang"));
        Assert.Empty(WelshChecks.EnglishLeftIn(welsh));
        Assert.Equal("https://coproweek.example/cy/digests/weekly-20270628T070000Z/", english.QuerySelector("a.language-link")!.GetAttribute("href"));
        Assert.Equal("https://coproweek.example/digests/weekly-20270628T070000Z/", welsh.QuerySelector("a.language-link")!.GetAttribute("href"));
        Assert.Equal("https://coproweek.example/cy/subscribe/", welsh.QuerySelectorAll("a").Last(a => a.GetAttribute("href")!.Contains("subscribe", StringComparison.Ordinal)).GetAttribute("href"));
        Assert.Equal(english.QuerySelectorAll("h3").Length, welsh.QuerySelectorAll("h3").Length);
        foreach (var page in new[] { english, welsh })
        {
            Assert.Equal("https://coproweek.example/cy/digests/weekly-20270628T070000Z/", page.QuerySelector("link[rel=alternate][hreflang=cy]")!.GetAttribute("href"));
            Assert.Equal("https://coproweek.example/digests/weekly-20270628T070000Z/", page.QuerySelector("link[rel=alternate][hreflang=en]")!.GetAttribute("href"));
        }
    }
}
