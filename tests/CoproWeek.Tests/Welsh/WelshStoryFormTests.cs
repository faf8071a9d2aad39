using CoproWeek.Hub;
using CoproWeek.Hub.Posts.Forms;
using CoproWeek.Hub.Site;
using CoproWeek.Tests.Site;
using Microsoft.Extensions.Primitives;

namespace CoproWeek.Tests.Welsh;

public sealed class WelshStoryFormTests
{
    [Fact]
    public void The_Welsh_story_form_speaks_Welsh_asks_the_language_and_posts_with_lang_cy()
    {
        var page = PageChecks.AssertSoundPage(SubmitPostPage.Render(SiteSamples.Options(), language: Language.Welsh), "cy");

        WelshChecks.AssertWelshPage(page);
        var form = page.QuerySelector("form")!;
        Assert.Equal("https://hub.coproductionweek.example/api/posts?lang=cy", form.GetAttribute("action"));
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
        Assert.Equal(["en", "cy", "bilingual"], page.QuerySelectorAll("input[type=radio][name=language]").Select(r => r.GetAttribute("value")));
        Assert.Equal("cy", page.QuerySelector("[name='welsh.title']")!.GetAttribute("lang"));
        Assert.Equal("cy", page.QuerySelector("[name='welsh.body']")!.GetAttribute("lang"));
        Assert.Equal(3, page.QuerySelectorAll("input[type=file][name=images]").Length);
    }

    [Fact]
    public void The_English_story_form_keeps_its_fields_and_the_Welsh_one_shown_again_links_each_problem()
    {
        var english = PageChecks.AssertSoundPage(SubmitPostPage.Render(SiteSamples.Options()));
        Assert.Equal("https://hub.coproductionweek.example/api/posts", english.QuerySelector("form")!.GetAttribute("action"));
        Assert.Contains("(required)", english.QuerySelector("label[for=field-consent]").Text());

        var values = EventFormValues.From(new Dictionary<string, StringValues> { ["title"] = "Ein panel", ["imageAlt"] = new(["Llun o'r panel", ""]) });
        var errors = new Dictionary<string, string[]> { ["body"] = ["Ysgrifennwch eich stori"], ["welsh.title"] = ["Rhowch deitl yn Gymraeg"] };
        var page = PageChecks.AssertSoundPage(SubmitPostPage.Render(SiteSamples.Options(), values, errors, Language.Welsh), "cy");

        WelshChecks.AssertWelshPage(page);
        Assert.Equal(["#field-body", "#field-welsh-title"], page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Llun o'r panel", page.GetElementById("field-imageAlt")!.GetAttribute("value"));
        Assert.Equal("Ein panel", page.GetElementById("field-title")!.GetAttribute("value"));
    }

    [Fact]
    public void The_story_thanks_page_has_a_Welsh_twin_published_with_the_form()
    {
        var page = PageChecks.AssertSoundPage(SubmitPostPage.Thanks(SiteSamples.Options(), Language.Welsh), "cy");

        WelshChecks.AssertWelshPage(page);
        var paths = PostSite.FixedFiles(SiteSamples.Options()).Select(f => f.Path).ToList();
        Assert.Contains("cy/submit-post/index.html", paths);
        Assert.Contains("cy/submit-post/thanks/index.html", paths);
    }
}
