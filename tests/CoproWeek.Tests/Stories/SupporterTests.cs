using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Azure.Data.Tables;
using CoproWeek.Hub.Email;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using CoproWeek.Tests.Infrastructure;
using CoproWeek.Tests.Moderation;
using CoproWeek.Tests.Posts;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace CoproWeek.Tests.Stories;

/// <summary>Organisations that support the week: from the form or the API, through a moderator, onto /supporters/ and off again.</summary>
public sealed class SupporterTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    public const string ContactEmail = "pledges@example.org";

    public static object Json(string organisation, string? email = null) => new
    {
        organisation,
        website = "https://www.example.org",
        statement = $"{organisation} believes services work best when the people who use them help design them.",
        contactEmail = email ?? ContactEmail,
        consent = true,
    };

    public static MultipartFormDataContent Form(string organisation, byte[]? logo = null, string fileName = "logo.png", string contentType = "image/png")
    {
        var content = new MultipartFormDataContent("supporter-boundary-5678")
        {
            { new StringContent(organisation), "organisation" },
            { new StringContent("https://www.example.org"), "website" },
            { new StringContent("We back the week.\n\nNothing about us without us."), "statement" },
            { new StringContent(ContactEmail), "contactEmail" },
            { new StringContent("true"), "consent" },
            { new StringContent(""), "url" },
        };
        var file = new ByteArrayContent(logo ?? []);
        file.Headers.ContentType = new MediaTypeHeaderValue(logo is null ? "application/octet-stream" : contentType);
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"logo\"", FileName = logo is null ? "\"\"" : $"\"{fileName}\"" };
        content.Add(file);
        return content;
    }

    public static byte[] WideLogo() => TestPictures.Encode(TestPictures.RedLeftBlueRight(900, 300, transparentCorner: true), SKEncodedImageFormat.Png);

    private sealed record Answer(string Id, string Status, string? ManageUrl);

    private static async Task<Answer> SubmitAsync(HttpClient client, HttpContent content)
    {
        var response = await client.PostAsync("/api/supporters", content);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"expected 202, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<Answer>())!;
    }

    /// <summary>Approves every held pledge through the moderation API, as a moderator would, after checking the queue names them as supporters.</summary>
    private static async Task ApproveAllAsync(HttpClient client, HubFactory hub, int expected)
    {
        var key = await HeldItems.AddModeratorAsync(hub, "Moderator One");
        var queue = await Eventually.GetAsync(async () =>
        {
            var page = await HeldItems.JsonOf(await client.SendAsync(HeldItems.Request(HttpMethod.Get, "/api/moderation/queue", key)));
            var items = page.GetProperty("items").EnumerateArray().ToList();
            return items.Count >= expected ? items : null;
        }, $"{expected} pledges to wait for a moderator");
        Assert.All(queue, i => Assert.Equal("supporter", i.GetProperty("kind").GetString()));
        foreach (var item in queue)
        {
            var decided = await HeldItems.DecideAsync(client, key, item.GetProperty("id").GetString()!, $"\"v{item.GetProperty("version").GetInt32()}\"", "approve");
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        }
    }

    [Fact]
    public async Task A_pledge_goes_from_form_to_moderator_to_the_supporters_page_with_its_logo_and_off_again_when_withdrawn()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var withLogo = await SubmitAsync(client, Form("Turning Point", WideLogo()));
        var fromJson = await SubmitAsync(client, JsonContent.Create(Json("Care Quality Commission")));
        var fromBrowser = new HttpRequestMessage(HttpMethod.Post, "/api/supporters") { Content = Form("VoiceAbility") };
        fromBrowser.Headers.Accept.ParseAdd("text/html");
        var browser = await client.SendAsync(fromBrowser);
        Assert.Equal(HttpStatusCode.SeeOther, browser.StatusCode);
        Assert.EndsWith("/support-the-week/thanks/", browser.Headers.Location?.ToString());
        Assert.Equal("received", withLogo.Status);

        await ApproveAllAsync(client, hub, expected: 3);
        var page = await Eventually.GetAsync(async () =>
        {
            var response = await client.GetAsync("/supporters/");
            var html = response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : "";
            return html.Contains("Turning Point") && html.Contains("VoiceAbility") && html.Contains("Care Quality Commission") ? new HtmlParser().ParseDocument(html) : null;
        }, "every approved supporter to be listed");

        Assert.Equal(["Care Quality Commission", "Turning Point", "VoiceAbility"], page.QuerySelectorAll(".supporter h2").Select(h => h.TextContent));
        Assert.DoesNotContain(ContactEmail, page.DocumentElement.OuterHtml);
        Assert.Contains("Nothing about us without us.", page.QuerySelectorAll(".supporter p").Select(p => p.TextContent));
        var logo = page.QuerySelector(".supporter img");
        Assert.NotNull(logo);
        Assert.Equal("400", logo.GetAttribute("width"));
        var logoPath = new Uri(logo.GetAttribute("src")!).AbsolutePath;
        var logoBytes = await client.GetByteArrayAsync(logoPath);
        using (var decoded = SKBitmap.Decode(logoBytes))
        {
            Assert.Equal(400, decoded.Width);
            Assert.Equal(133, decoded.Height);
        }
        var home = await client.GetStringAsync("/");
        Assert.Contains("3 organisations support the week", home);
        var emails = await Eventually.GetAsync(async () =>
        {
            var all = (await hub.Services.GetRequiredService<Outbox>().ListAsync(50, CancellationToken.None)).Where(e => e.To == ContactEmail).ToList();
            return all.Count(e => e.Subject.StartsWith("You are on the supporters page")) >= 3 ? all : null;
        }, "the live emails");
        Assert.Contains(emails, e => e.Subject.StartsWith("We have your pledge of support: Turning Point") && e.Text.Contains(withLogo.ManageUrl!));

        // Withdrawn through the manage page's form, as a person without JavaScript would.
        var manage = new Uri(withLogo.ManageUrl!).PathAndQuery;
        Assert.Contains("Your organisation is on the supporters page.", await client.GetStringAsync(manage));
        var withdraw = await client.PostAsync(manage, new FormUrlEncodedContent(new Dictionary<string, string> { ["confirm"] = "true" }));
        Assert.Equal(HttpStatusCode.SeeOther, withdraw.StatusCode);
        var gone = await client.SendAsync(SamplePost.WithToken(HttpMethod.Delete, $"/api/supporters/{fromJson.Id}", Uri.UnescapeDataString(fromJson.ManageUrl!.Split("token=")[1])));
        Assert.Equal(HttpStatusCode.NoContent, gone.StatusCode);
        await Eventually.TrueAsync(async () => !(await client.GetStringAsync("/supporters/")).Contains("Turning Point")
            && !(await client.GetStringAsync("/supporters/")).Contains("Care Quality Commission"), "the withdrawn supporters to leave the page");
        await hub.QueuesIdleAsync(Hub.Triggers.PublishItem, Hub.Triggers.RebuildIndexes);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(logoPath)).StatusCode);
        Assert.Contains("1 organisation supports the week", await client.GetStringAsync("/"));
        Assert.Contains("VoiceAbility", await client.GetStringAsync("/supporters/"));
        Assert.Contains("You have withdrawn your pledge", await client.GetStringAsync(manage));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/supporters/{withLogo.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_moderator_can_take_a_supporter_down_and_put_it_back_and_the_organisation_is_told_why()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var pledge = await SubmitAsync(client, Form("Pretend Pledges Ltd", WideLogo()));
        await ApproveAllAsync(client, hub, expected: 1);
        await Eventually.TrueAsync(async () => (await client.GetStringAsync("/supporters/")).Contains("Pretend Pledges Ltd"), "the supporter to be listed");
        var key = await HeldItems.AddModeratorAsync(hub, "Moderator Two");
        var item = await client.SendAsync(HeldItems.Request(HttpMethod.Get, $"/api/moderation/items/{pledge.Id}", key));

        Assert.True(item.Headers.ETag is not null, $"{(int)item.StatusCode}: {await item.Content.ReadAsStringAsync()}");
        var view = await HeldItems.JsonOf(item);
        var logoUrl = view.GetProperty("pictures").EnumerateArray().Single().GetString()!;
        var logoForModerator = await client.SendAsync(HeldItems.Request(HttpMethod.Get, new Uri(logoUrl).PathAndQuery, key));
        var logoForAnyone = await client.GetAsync(new Uri(logoUrl).PathAndQuery);
        var stats = await HeldItems.JsonOf(await client.SendAsync(HeldItems.Request(HttpMethod.Get, "/api/moderation/stats", key)));
        var csv = await (await client.SendAsync(HeldItems.Request(HttpMethod.Get, "/api/moderation/export/supporters.csv", key))).Content.ReadAsStringAsync();
        var takenDown = await TakeDownTests.TakeDownAsync(client, key, pledge.Id, item.Headers.ETag!.Tag, "This organisation did not agree to be listed.");
        await Eventually.TrueAsync(async () => !(await client.GetStringAsync("/supporters/")).Contains("Pretend Pledges Ltd"), "the supporter to leave the page");
        var email = await Eventually.GetAsync(async () =>
            (await hub.Services.GetRequiredService<Outbox>().ListAsync(50, CancellationToken.None)).FirstOrDefault(e => e.Subject.StartsWith("The campaign team took down your pledge of support")),
            "the take-down email");
        var restored = await TakeDownTests.ActAsync(client, key, $"/api/moderation/items/{pledge.Id}/restore", takenDown.Headers.ETag!.Tag);
        await Eventually.TrueAsync(async () => (await client.GetStringAsync("/supporters/")).Contains("Pretend Pledges Ltd"), "the supporter to come back");
        var history = await HeldItems.HistoryAsync(hub, pledge.Id);

        Assert.Contains(view.GetProperty("fields").EnumerateArray(), f => f.GetProperty("label").GetString() == "Organisation name" && f.GetProperty("value").GetString() == "Pretend Pledges Ltd");
        Assert.Equal(HttpStatusCode.OK, logoForModerator.StatusCode);
        Assert.Equal(400, SKBitmap.Decode(await logoForModerator.Content.ReadAsByteArrayAsync()).Width);
        Assert.Equal(HttpStatusCode.Unauthorized, logoForAnyone.StatusCode);
        Assert.Equal(1, stats.GetProperty("supporters").GetInt32());
        Assert.True(csv.Contains($"{pledge.Id},Pretend Pledges Ltd,https://www.example.org/,"), csv);
        Assert.Contains(ContactEmail, csv);
        Assert.Equal(HttpStatusCode.OK, takenDown.StatusCode);
        Assert.Equal(ContactEmail, email.To);
        Assert.Contains("This organisation did not agree to be listed.", email.Text);
        Assert.Contains("supporters page", email.Text);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Contains(history, h => h is { Decision: "taken-down", Reason: "This organisation did not agree to be listed." });
        Assert.Contains(history, h => h.Decision == "restored");
        Assert.DoesNotContain(history, h => h.Decision == "withdrawn");
    }

    [Fact]
    public async Task An_svg_logo_is_refused_even_when_named_and_sent_as_a_png_and_the_form_says_so_beside_the_field()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var svg = Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>");

        var api = await client.PostAsync("/api/supporters", Form("Renamed Ltd", svg, "logo.png", "image/png"));
        var fromBrowser = new HttpRequestMessage(HttpMethod.Post, "/api/supporters") { Content = Form("Renamed Ltd", svg, "logo.png", "image/png") };
        fromBrowser.Headers.Accept.ParseAdd("text/html");
        var browser = await client.SendAsync(fromBrowser);

        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var errors = JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains("SVG", errors.GetProperty("logo")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, browser.StatusCode);
        var form = new HtmlParser().ParseDocument(await browser.Content.ReadAsStringAsync());
        Assert.Contains("SVG", form.QuerySelector("#field-logo-error")?.TextContent);
        Assert.Equal("#field-logo", form.QuerySelector(".error-summary a")?.GetAttribute("href"));
        Assert.Equal("Renamed Ltd", form.QuerySelector("#field-organisation")?.GetAttribute("value"));
        await SamplePost.AssertNothingStoredAsync(hub);
    }

    [Fact]
    public async Task Bad_pledges_get_a_400_naming_each_field_and_nothing_is_stored()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();

        var response = await client.PostAsync("/api/supporters", JsonContent.Create(new
        {
            organisation = "",
            website = "http://example.org",
            statement = new string('s', 281),
            contactEmail = "not an address",
            consent = false,
            colour = "blue",
        }));
        var text = await client.PostAsync("/api/supporters", new StringContent("organisation=x", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        foreach (var field in new[] { "organisation", "website", "statement", "contactEmail", "consent", "colour" })
        {
            Assert.True(errors.TryGetProperty(field, out var messages) && messages[0].GetString()!.Length > 0, $"the problem should name {field}: {errors}");
        }
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        await SamplePost.AssertNothingStoredAsync(hub);
    }

    [Fact]
    public async Task Pledges_are_limited_per_client_and_an_Idempotency_Key_makes_one_pledge_of_a_retry()
    {
        await using var hub = new HubFactory(azurite, new Dictionary<string, string?> { ["Limits:SupportersPerHour"] = "2" });
        using var client = hub.CreateClient();
        HttpRequestMessage Post(string organisation, string? key = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/supporters") { Content = JsonContent.Create(Json(organisation)) };
            request.Headers.Add("X-Forwarded-For", "203.0.113.77");
            if (key is not null)
            {
                request.Headers.Add("Idempotency-Key", key);
            }
            return request;
        }

        var first = await client.SendAsync(Post("Macmillan Cancer Support", "pledge-0001"));
        var retry = await client.SendAsync(Post("Macmillan Cancer Support", "pledge-0001"));
        var third = await client.SendAsync(Post("Another Org"));
        var fromElsewhere = new HttpRequestMessage(HttpMethod.Post, "/api/supporters") { Content = JsonContent.Create(Json("Elsewhere")) };
        fromElsewhere.Headers.Add("X-Forwarded-For", "203.0.113.78");
        var other = await client.SendAsync(fromElsewhere);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        var (a, b) = (await HeldItems.JsonOf(first), await HeldItems.JsonOf(retry));
        Assert.Equal(a.GetProperty("id").GetString(), b.GetProperty("id").GetString());
        Assert.True(b.GetProperty("manageUrlEmailed").GetBoolean());
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
        var rows = 0;
        await foreach (var row in hub.Storage.Table(HubStorage.TableNames.Submissions).QueryAsync<TableEntity>(e => e.PartitionKey == e.RowKey))
        {
            rows += row.GetString("Kind") == "supporter" ? 1 : 0;
        }
        Assert.Equal(2, rows);
    }

    [Fact]
    public async Task A_pledge_from_an_unconfirmed_address_waits_and_only_the_confirmation_email_goes_out()
    {
        await using var hub = new HubFactory(azurite, new Dictionary<string, string?> { ["Contacts:RequireConfirmation"] = "true" });
        using var client = hub.CreateClient();

        var answer = await SubmitAsync(client, JsonContent.Create(Json("Someone Else's Charity", "stranger@example.org")));
        var emails = await Eventually.GetAsync(async () =>
        {
            var all = (await hub.Services.GetRequiredService<Outbox>().ListAsync(20, CancellationToken.None)).Where(e => e.To == "stranger@example.org").ToList();
            return all.Count > 0 ? all : null;
        }, "the confirmation email");
        await hub.QueuesIdleAsync(Hub.Triggers.SendEmail, Hub.Triggers.ModerateSubmission);

        Assert.Equal("awaiting-confirmation", answer.Status);
        var only = Assert.Single(await hub.Services.GetRequiredService<Outbox>().ListAsync(20, CancellationToken.None), e => e.To == "stranger@example.org");
        Assert.DoesNotContain("Someone Else", only.Subject + only.Text);
        Assert.Equal(SubmissionStatus.AwaitingConfirmation, (await hub.Services.GetRequiredService<SubmissionStore>().GetAsync(answer.Id, CancellationToken.None))!.Status);
    }
}
