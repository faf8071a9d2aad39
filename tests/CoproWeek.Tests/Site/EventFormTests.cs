using CoproWeek.Hub.Events.Forms;
using CoproWeek.Hub.Site;
using Microsoft.Extensions.Primitives;

namespace CoproWeek.Tests.Site;

public sealed class EventFormTests
{
    private static readonly string[] JsonBodyFields =
    [
        "title", "summary", "description", "organiser.name", "organiser.website", "contact.name", "contact.email", "start", "end",
        "format", "venue.name", "venue.address", "venue.postcode", "online.joiningInfo", "region", "topics", "cost", "bookingUrl",
        "easyRead", "coproduction.livedExperienceInvolvement", "coproduction.participantsPaid", "coproduction.expensesCovered",
        "access.stepFree", "access.bsl", "access.hearingLoop", "access.captions", "access.easyReadMaterials", "access.quietSpace",
        "access.accessibleToilets", "access.notes", "language", "welsh.title", "welsh.summary", "welsh.description", "welsh.easyRead",
    ];

    [Fact]
    public void The_empty_form_posts_to_the_API_with_every_field_labelled_and_grouped()
    {
        var html = SubmitEventPage.Render(SiteSamples.Options());

        var page = PageChecks.AssertSoundPage(html);
        var form = Assert.Single(page.QuerySelectorAll("form"));
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("https://hub.coproductionweek.example/api/events", form.GetAttribute("action"));
        Assert.Equal("application/x-www-form-urlencoded", form.GetAttribute("enctype"));
        var names = form.QuerySelectorAll("input, select, textarea").Select(f => f.GetAttribute("name")).Distinct().ToList();
        Assert.Equal(JsonBodyFields.Append("website").Order(), names.Order());
        Assert.Equal("datetime-local", page.QuerySelector("input[name=start]")!.GetAttribute("type"));
        Assert.Equal(3, page.QuerySelectorAll("input[type=radio][name=format]").Length);
        Assert.Equal(10, page.QuerySelectorAll("input[type=checkbox][name=topics]").Length);
        Assert.Equal("true", page.QuerySelector("input[name='coproduction.participantsPaid']")!.GetAttribute("value"));
        Assert.Equal("true", page.QuerySelector("input[name='access.bsl']")!.GetAttribute("value"));
        Assert.True(page.QuerySelectorAll("fieldset").All(f => f.QuerySelector("legend") is not null));
        Assert.Contains("(required)", page.QuerySelector("label[for='field-organiser-name']").Text());
        var titleHint = page.QuerySelector("input[name=title]")!.GetAttribute("aria-describedby");
        Assert.Equal("field-title-hint", titleHint);
        Assert.Null(page.QuerySelector(".error-summary"));
        Assert.DoesNotContain(page.QuerySelectorAll("[aria-invalid]"), _ => true);
    }

    [Fact]
    public void The_spam_trap_is_hidden_from_people_screen_readers_and_the_keyboard()
    {
        var page = PageChecks.Parse(SubmitEventPage.Render(SiteSamples.Options()));

        var trap = page.QuerySelector("input[name=website]")!;
        Assert.Equal("-1", trap.GetAttribute("tabindex"));
        Assert.Equal("off", trap.GetAttribute("autocomplete"));
        var wrapper = trap.ParentElement!;
        Assert.Equal("true", wrapper.GetAttribute("aria-hidden"));
        Assert.Contains("visually-hidden", wrapper.ClassList);
        Assert.Equal("Leave this empty", page.QuerySelector($"label[for='{trap.Id}']").Text());
    }

    [Fact]
    public void The_form_shown_again_has_the_error_summary_messages_by_each_field_and_what_was_typed()
    {
        var attack = SiteSamples.Hostile[1];
        var values = EventFormValues.From(new Dictionary<string, StringValues>
        {
            ["title"] = attack,
            ["summary"] = "Line one\nLine two",
            ["start"] = "2027-07-05T10:00",
            ["end"] = "2027-07-05T09:00",
            ["format"] = "hybrid",
            ["region"] = "wales",
            ["topics"] = new StringValues(["health", "research"]),
            ["access.bsl"] = "true",
            ["contact.email"] = "someone@example",
        });
        var errors = new Dictionary<string, string[]>
        {
            ["contact.email"] = ["Enter an email address in the correct format, like name@example.org"],
            ["end"] = ["Enter an end time after the start time"],
            ["Organiser.Name"] = ["Enter the name of your organisation or group"],
            ["topics[0]"] = ["Choose a topic from the list"],
        };

        var html = SubmitEventPage.Render(SiteSamples.Options(), values, errors);

        var page = PageChecks.AssertSoundPage(html);
        Assert.StartsWith("Error:", page.Title);
        var summary = page.QuerySelector(".error-summary")!;
        Assert.Equal("There is a problem", summary.QuerySelector("h2").Text());
        // In the order of the form, each linking to its field.
        Assert.Equal(["#field-end", "#field-topics", "#field-organiser-name", "#field-contact-email"],
            summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        foreach (var link in summary.QuerySelectorAll("a"))
        {
            Assert.NotNull(page.GetElementById(link.GetAttribute("href")![1..]));
        }
        var end = page.GetElementById("field-end")!;
        Assert.Equal("true", end.GetAttribute("aria-invalid"));
        Assert.Contains("field-end-error", end.GetAttribute("aria-describedby"));
        Assert.Contains("Enter an end time after the start time", page.GetElementById("field-end-error").Text());
        Assert.Equal("true", page.GetElementById("field-organiser-name")!.GetAttribute("aria-invalid"));
        Assert.Contains("field-topics-group-error", page.QuerySelector("#field-topics")!.Closest("fieldset")!.GetAttribute("aria-describedby"));

        Assert.Equal(attack, page.GetElementById("field-title")!.GetAttribute("value"));
        Assert.Equal("Line one\nLine two", page.GetElementById("field-summary")!.TextContent);
        Assert.Equal("2027-07-05T09:00", page.GetElementById("field-end")!.GetAttribute("value"));
        Assert.Equal("someone@example", page.GetElementById("field-contact-email")!.GetAttribute("value"));
        Assert.True(page.QuerySelector("input[name=format][value=hybrid]")!.HasAttribute("checked"));
        Assert.True(page.QuerySelector("select[name=region] option[value=wales]")!.HasAttribute("selected"));
        Assert.Equal(["health", "research"], page.QuerySelectorAll("input[name=topics][checked]").Select(i => i.GetAttribute("value")));
        Assert.True(page.QuerySelector("input[name='access.bsl']")!.HasAttribute("checked"));
        Assert.False(page.QuerySelector("input[name='access.stepFree']")!.HasAttribute("checked"));
    }

    [Fact]
    public void The_manage_page_shows_the_status_the_reasons_and_the_event_ready_to_change_or_withdraw()
    {
        var details = SiteSamples.Details();
        const string edit = "https://hub.coproductionweek.example/api/events/evt-1/manage?token=abc&x=1";
        const string withdraw = "https://hub.coproductionweek.example/api/events/evt-1/withdraw?token=abc";

        var html = ManagePage.Render(SiteSamples.Options(), details, ManageStatus.ChangesRequested,
            ["Please add the postcode <b>and</b> the time."], edit, withdraw);

        var page = PageChecks.AssertSoundPage(html);
        Assert.Equal("noindex, nofollow", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Equal("no-referrer", page.QuerySelector("meta[name=referrer]")!.GetAttribute("content"));
        Assert.Contains("We need you to change something", page.QuerySelector(".notice").Text());
        Assert.Contains("Please add the postcode <b>and</b> the time.", page.QuerySelector(".notice li").Text());
        var forms = page.QuerySelectorAll("form");
        Assert.Equal([edit, withdraw], forms.Select(f => f.GetAttribute("action")));
        Assert.Equal(SiteSamples.ContactEmail, page.GetElementById("field-contact-email")!.GetAttribute("value"));
        Assert.Equal("2027-07-05T10:00", page.GetElementById("field-start")!.GetAttribute("value"));
        Assert.True(page.QuerySelector("input[name='coproduction.participantsPaid']")!.HasAttribute("checked"));
        Assert.True(page.QuerySelector("input[name=topics][value=social-care]")!.HasAttribute("checked"));
        var confirm = forms[1].QuerySelector("input[type=checkbox][name=confirm]")!;
        Assert.Equal("true", confirm.GetAttribute("value"));
        Assert.Equal("Withdraw this event", forms[1].QuerySelector("button").Text());
    }

    [Fact]
    public void A_withdrawn_event_has_no_forms_and_a_missing_confirmation_is_shown_as_an_error()
    {
        var details = SiteSamples.Details();
        var withdrawn = PageChecks.AssertSoundPage(ManagePage.Render(SiteSamples.Options(), details, ManageStatus.Withdrawn, [], "/e", "/w"));
        Assert.Empty(withdrawn.QuerySelectorAll("form"));

        var unconfirmed = PageChecks.AssertSoundPage(ManagePage.Render(SiteSamples.Options(), details, ManageStatus.Live, [], "/e", "/w",
            errors: new Dictionary<string, string[]> { ["confirm"] = ["Tick the box to say you want to take this event down"] }));
        Assert.Equal("#field-confirm", unconfirmed.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.Equal("true", unconfirmed.GetElementById("field-confirm")!.GetAttribute("aria-invalid"));
    }

    [Theory]
    [InlineData(ManageStatus.Received)]
    [InlineData(ManageStatus.Live)]
    [InlineData(ManageStatus.HeldForReview)]
    [InlineData(ManageStatus.ChangesRequested)]
    [InlineData(ManageStatus.Rejected)]
    [InlineData(ManageStatus.Withdrawn)]
    public void Every_status_has_plain_words(ManageStatus status) =>
        Assert.EndsWith(".", ManagePage.StatusWords(status));
}
