using CoproWeek.Hub;
using CoproWeek.Hub.Events.Forms;
using CoproWeek.Hub.Site;
using CoproWeek.Tests.Site;
using Microsoft.Extensions.Primitives;

namespace CoproWeek.Tests.Welsh;

public sealed class WelshEventFormTests
{
    [Fact]
    public void The_Welsh_event_form_speaks_Welsh_and_posts_with_lang_cy()
    {
        var page = PageChecks.AssertSoundPage(SubmitEventPage.Render(SiteSamples.Options(), language: Language.Welsh), "cy");

        WelshChecks.AssertWelshPage(page);
        Assert.Equal("Rhestru digwyddiad", page.QuerySelector("h1").Text());
        Assert.Equal("https://hub.coproductionweek.example/api/events?lang=cy", page.QuerySelector("form")!.GetAttribute("action"));
        Assert.Equal("https://www.coproductionweek.example/cy/submit-event/", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("https://www.coproductionweek.example/submit-event/", page.QuerySelector("a.language-link")!.GetAttribute("href"));
        Assert.Equal(["en", "cy", "bilingual"], page.QuerySelectorAll("input[type=radio][name=language]").Select(r => r.GetAttribute("value")));
        Assert.Equal("Wyneb yn wyneb", page.QuerySelector("label[for=field-format]").Text());
        // The Welsh words of a bilingual listing are in a fieldset any reader can fill in, marked as Welsh.
        foreach (var name in new[] { "welsh.title", "welsh.summary", "welsh.description", "welsh.easyRead" })
        {
            var field = page.QuerySelector($"[name='{name}']")!;
            Assert.Equal("cy", field.GetAttribute("lang"));
            Assert.NotNull(page.QuerySelector($"label[for='{field.Id}']"));
        }
    }

    [Fact]
    public void The_English_form_asks_the_listings_language_too()
    {
        var page = PageChecks.AssertSoundPage(SubmitEventPage.Render(SiteSamples.Options()));

        Assert.Equal("https://hub.coproductionweek.example/api/events", page.QuerySelector("form")!.GetAttribute("action"));
        Assert.Equal("If both: the Welsh words", page.QuerySelector("#field-welsh-title")!.Closest("fieldset")!.QuerySelector("legend").Text());
        Assert.Equal("https://www.coproductionweek.example/cy/submit-event/", page.QuerySelector("link[hreflang=cy]")!.GetAttribute("href"));
    }

    [Fact]
    public void The_Welsh_form_shown_again_has_a_Welsh_summary_linking_to_each_field()
    {
        var values = EventFormValues.From(new Dictionary<string, StringValues> { ["language"] = "bilingual", ["welsh.title"] = "Bore coffi" });
        var errors = new Dictionary<string, string[]> { ["welsh.summary"] = ["Rhowch grynodeb byr yn Gymraeg"], ["title"] = ["Rhowch enw'r digwyddiad"] };

        var page = PageChecks.AssertSoundPage(SubmitEventPage.Render(SiteSamples.Options(), values, errors, Language.Welsh), "cy");

        WelshChecks.AssertWelshPage(page);
        Assert.StartsWith("Gwall:", page.Title);
        Assert.Equal("Mae problem", page.QuerySelector(".error-summary h2").Text());
        Assert.Equal(["#field-title", "#field-welsh-summary"], page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")));
        Assert.True(page.QuerySelector("input[name=language][value=bilingual]")!.HasAttribute("checked"));
        Assert.Equal("Bore coffi", page.GetElementById("field-welsh-title")!.GetAttribute("value"));
    }

    [Fact]
    public void The_thanks_page_has_a_Welsh_twin()
    {
        var page = PageChecks.AssertSoundPage(SubmitEventPage.Thanks(SiteSamples.Options(), Language.Welsh), "cy");

        WelshChecks.AssertWelshPage(page);
        Assert.Equal("https://www.coproductionweek.example/cy/events/", page.QuerySelector("main a")!.GetAttribute("href"));
        Assert.Contains(EventSite.FixedFiles(SiteSamples.Options()), f => f.Path == "cy/submit-event/thanks/index.html");
        Assert.Contains(EventSite.FixedFiles(SiteSamples.Options()), f => f.Path == "cy/submit-event/index.html");
    }
}
