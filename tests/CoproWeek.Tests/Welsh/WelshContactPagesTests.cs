using System.Net;
using System.Text.RegularExpressions;
using CoproWeek.Hub.Email;
using CoproWeek.Tests.Events;
using CoproWeek.Tests.Infrastructure;
using CoproWeek.Tests.Site;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Tests.Welsh;

/// <summary>The contact confirmation link opened under <c>/cy/</c>: its button, its thanks and its "link does not work" are Welsh.</summary>
public sealed partial class WelshContactPagesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly Dictionary<string, string?> Confirming = new() { ["Contacts:RequireConfirmation"] = "true" };

    [Fact]
    public async Task The_Welsh_confirmation_page_asks_in_Welsh_posts_to_the_Welsh_route_and_thanks_in_Welsh()
    {
        await using var hub = new HubFactory(azurite, Confirming);
        using var client = hub.CreateClient();
        await SampleEvent.SubmitAsync(client);
        var email = await Eventually.GetAsync(async () => (await hub.Services.GetRequiredService<Outbox>().ListAsync(10, CancellationToken.None)).SingleOrDefault(), "the confirmation email");
        var welshLink = "/api/cy/contacts/confirm?token=" + ConfirmToken().Match(email.Text).Groups[1].Value;

        var ask = PageChecks.Parse(await client.GetStringAsync(welshLink));
        var confirmed = await client.PostAsync(welshLink, null);
        var thanks = PageChecks.Parse(await confirmed.Content.ReadAsStringAsync());
        var wrong = await client.GetAsync("/api/cy/contacts/confirm?token=not-a-token");
        var wrongPage = PageChecks.Parse(await wrong.Content.ReadAsStringAsync());

        WelshChecks.AssertWelshPage(ask);
        Assert.Contains("/api/cy/contacts/confirm?token=", ask.QuerySelector("main form")!.GetAttribute("action"));
        Assert.Equal("Cadarnhau fy nghyfeiriad e-bost", ask.QuerySelector("main form button")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        WelshChecks.AssertWelshPage(thanks);
        Assert.Equal("Diolch, mae eich cyfeiriad e-bost wedi'i gadarnhau", thanks.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        WelshChecks.AssertWelshPage(wrongPage);
    }

    [GeneratedRegex(@"/api/contacts/confirm\?token=([^\s]+)")]
    private static partial Regex ConfirmToken();
}
