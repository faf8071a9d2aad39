using System.Net;
using CoproWeek.Hub;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Subscriptions;
using CoproWeek.Hub.Supporters;
using CoproWeek.Tests.Infrastructure;
using CoproWeek.Tests.Reports;
using CoproWeek.Tests.Site;
using CoproWeek.Tests.Stories;

namespace CoproWeek.Tests.Welsh;

/// <summary>The report, access request and pledge forms in Welsh: asked in Welsh, posted with lang=cy, answered in Welsh.</summary>
public sealed class WelshFormPagesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Soon = DateTimeOffset.UtcNow.AddDays(30);

    [Fact]
    public async Task The_Welsh_report_form_is_Welsh_and_a_Welsh_report_without_a_reason_answers_in_Welsh_with_the_error_summary()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var id = await LiveItems.AddEventAsync(hub, LiveItems.Event("Peer support in Hull", Soon), DateTimeOffset.UtcNow);

        var form = PageChecks.Parse(await client.GetStringAsync($"/api/cy/reports/new?item={id}"));
        WelshChecks.AssertWelshPage(form);
        Assert.EndsWith("/api/reports?lang=cy", form.QuerySelector("main form")!.GetAttribute("action"));
        Assert.Equal("en-GB", form.QuerySelector("main a[href*='/cy/events/']")!.GetAttribute("lang")); // the English title, marked as English

        var sent = await client.PostAsync("/api/reports?lang=cy", new FormUrlEncodedContent([new("item", id), new("details", "Mae'r dyddiad yn anghywir.")]));
        Assert.Equal(HttpStatusCode.BadRequest, sent.StatusCode);
        var page = PageChecks.Parse(await sent.Content.ReadAsStringAsync());
        WelshChecks.AssertWelshPage(page);
        Assert.Equal("Dewiswch beth sydd o'i le.", page.QuerySelector(".error-summary a[href='#field-reason']")?.TextContent);
        Assert.StartsWith("Gwall:", page.QuerySelector("#field-reason-group-error")?.TextContent.Trim());
        Assert.Contains("Mae'r dyddiad yn anghywir.", page.QuerySelector("#field-details")!.TextContent);

        var thanks = await client.PostAsync("/api/reports?lang=cy", new FormUrlEncodedContent([new("item", id), new("reason", "wrong-details")]));
        Assert.Equal(HttpStatusCode.OK, thanks.StatusCode);
        var thanked = PageChecks.Parse(await thanks.Content.ReadAsStringAsync());
        WelshChecks.AssertWelshPage(thanked);
        Assert.Equal("Diolch am roi gwybod i ni", thanked.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task The_Welsh_access_request_form_is_Welsh_and_a_Welsh_request_with_errors_answers_in_Welsh_beside_each_field()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var id = await LiveItems.AddEventAsync(hub, LiveItems.Event("Co-producing care in Cardiff", Soon, region: "wales"), DateTimeOffset.UtcNow);

        var form = PageChecks.Parse(await client.GetStringAsync($"/api/cy/events/{id}/access-requests"));
        WelshChecks.AssertWelshPage(form);
        Assert.Equal(Vocabulary.NameOf(Vocabulary.AccessNeeds, "bsl", Language.Welsh), form.QuerySelector("label[for=field-needs-bsl]")!.TextContent);
        Assert.EndsWith($"/api/events/{id}/access-requests?lang=cy", form.QuerySelector("main form")!.GetAttribute("action"));

        var sent = await client.PostAsync($"/api/events/{id}/access-requests?lang=cy", new FormUrlEncodedContent([new("needs", "bsl"), new("contactBy", "phone")]));
        Assert.Equal(HttpStatusCode.BadRequest, sent.StatusCode);
        var page = PageChecks.Parse(await sent.Content.ReadAsStringAsync());
        WelshChecks.AssertWelshPage(page);
        var summary = page.QuerySelectorAll(".error-summary a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        Assert.Contains(("#field-phone", "Rhowch eich rhif ffôn, fel y gall y trefnydd eich ffonio."), summary);
        Assert.Contains(("#field-consent", "Ticiwch y blwch i ddweud y cawn anfon hwn at y trefnydd."), summary);
        Assert.Contains(("#field-name", "Rhowch eich enw."), summary);
        Assert.Equal(3, summary.Count);
        Assert.True(page.QuerySelector("#field-needs-bsl")!.HasAttribute("checked"));

        var ended = await LiveItems.AddEventAsync(hub, LiveItems.Event("Over already", DateTimeOffset.UtcNow.AddDays(-3)), DateTimeOffset.UtcNow.AddDays(-10));
        var closed = await client.GetAsync($"/api/cy/events/{ended}/access-requests");
        Assert.Equal(HttpStatusCode.Gone, closed.StatusCode);
        var closedPage = PageChecks.Parse(await closed.Content.ReadAsStringAsync());
        WelshChecks.AssertWelshPage(closedPage);
        Assert.Equal("Mae'r digwyddiad hwn wedi dod i ben", closedPage.QuerySelector("h1")!.TextContent);

        WelshChecks.AssertWelshPage(PageChecks.Parse(await client.GetStringAsync($"/api/cy/events/{id}/access-requests/sent")));
    }

    [Fact]
    public async Task A_Welsh_pledge_with_an_error_answers_in_Welsh_and_a_good_one_goes_on_to_the_Welsh_thanks_page()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/supporters?lang=cy") { Content = WithoutConsent("Cefnogwyr Cymru") };
        wrong.Headers.Accept.ParseAdd("text/html");
        var answer = await client.SendAsync(wrong);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var page = PageChecks.Parse(await answer.Content.ReadAsStringAsync());
        WelshChecks.AssertWelshPage(page);
        Assert.Equal("Ticiwch y blwch i gytuno y cawn restru eich sefydliad, ei logo a'i ddatganiad ar dudalen y cefnogwyr.",
            page.QuerySelector(".error-summary a[href='#field-consent']")?.TextContent);
        Assert.Equal("Cefnogwyr Cymru", page.QuerySelector("#field-organisation")!.GetAttribute("value"));
        Assert.Equal("Rhowch wefan eich sefydliad.", page.QuerySelector("#field-website-error")?.TextContent.Replace("Gwall:", "").Trim());

        var good = new HttpRequestMessage(HttpMethod.Post, "/api/supporters?lang=cy") { Content = SupporterTests.Form("Cefnogwyr Cymru") };
        good.Headers.Accept.ParseAdd("text/html");
        var thanks = await client.SendAsync(good);
        Assert.Equal(HttpStatusCode.SeeOther, thanks.StatusCode);
        Assert.EndsWith("/cy/support-the-week/thanks/", thanks.Headers.Location!.ToString());
    }

    private static MultipartFormDataContent WithoutConsent(string organisation) => new("supporter-boundary-cy")
    {
        { new StringContent(organisation), "organisation" },
        { new StringContent(""), "website" },
        { new StringContent("Dim byd amdanom ni hebom ni."), "statement" },
        { new StringContent(SupporterTests.ContactEmail), "contactEmail" },
        { new StringContent(""), "url" },
    };
}
