using System.Net.Http.Json;
using CoproWeek.Hub;
using CoproWeek.Hub.Digests;
using CoproWeek.Hub.Email;
using CoproWeek.Hub.Security;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using CoproWeek.Hub.Subscriptions;
using CoproWeek.Tests.Digests;
using CoproWeek.Tests.Emails;
using CoproWeek.Tests.Events;
using CoproWeek.Tests.Infrastructure;
using CoproWeek.Tests.Moderation;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Tests.Welsh;

/// <summary>On Azurite, through the handlers: whoever writes in Welsh is answered in Welsh, and each subscriber's digest comes in their language, exactly once.</summary>
public sealed class WelshEmailJourneyTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task An_event_sent_from_the_Welsh_form_gets_its_receipt_and_its_decision_in_Welsh()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var key = await HeldItems.AddModeratorAsync(hub, "Sam");
        var response = await client.PostAsJsonAsync("/api/events?lang=cy", HeldItems.Json("Gweithdy cyd-gynhyrchu yng Nghaerdydd"));
        var answer = (await response.Content.ReadFromJsonAsync<SampleEvent.Answer>())!;
        var held = await HeldItems.WaitForStatusAsync(hub, answer.Id, SubmissionStatus.Held);

        await HeldItems.DecideAsync(client, key, answer.Id, "\"v1\"", "reject", "Nid digwyddiad cyd-gynhyrchu yw hwn.");
        var outbox = hub.Services.GetRequiredService<Outbox>();
        var receipt = await Eventually.GetAsync(async () =>
            (await outbox.ListAsync(20, CancellationToken.None)).FirstOrDefault(e => e.Subject.StartsWith("Mae eich digwyddiad gyda ni", StringComparison.Ordinal)), "the Welsh receipt");
        var decision = await Eventually.GetAsync(async () =>
            (await outbox.ListAsync(20, CancellationToken.None)).FirstOrDefault(e => e.Subject.StartsWith("Dydyn ni ddim wedi cyhoeddi eich digwyddiad", StringComparison.Ordinal)), "the Welsh decision");

        Assert.Equal(Language.Welsh, held.ReplyLanguage);
        WelshEmailTests.AssertWelsh("receipt", receipt.Html, receipt.Text);
        WelshEmailTests.AssertWelsh("decision", decision.Html, decision.Text);
        Assert.Contains("/api/cy/events/" + answer.Id + "/manage?token=", receipt.Text);
        Assert.DoesNotContain((await outbox.ListAsync(20, CancellationToken.None)), e => e.Subject.StartsWith("We have your event", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_subscriber_gets_one_digest_in_their_language_even_when_every_batch_is_delivered_twice_and_the_web_copy_is_written_in_both()
    {
        await using var hub = await DigestHarness.StartAsync(azurite, sendGrid: null);
        var items = await hub.PublishAsync(6);
        var readers = new Dictionary<string, string>
        {
            ["english@example.org"] = SubscriberLanguage.English,
            ["cymraeg@example.org"] = SubscriberLanguage.Welsh,
            ["both@example.org"] = SubscriberLanguage.Both,
            ["cymraeg2@example.org"] = SubscriberLanguage.Welsh,
        };
        var table = hub.Storage.Table(HubStorage.TableNames.Subscribers);
        foreach (var (email, language) in readers)
        {
            await table.AddEntityAsync(new Subscriber
            {
                Id = hub.Get<AddressHasher>().Hash(email), Email = email, Status = SubscriberStatus.Active, Frequency = "weekly",
                Language = language, CreatedAt = DigestHarness.Monday.AddDays(-30),
            }.ToEntity());
        }

        await hub.PlanWeeklyAsync(DigestHarness.Monday.AddSeconds(2));
        await DigestDeliveryTests.DrainAsync(hub, deliveries: 2);

        var sent = await hub.Get<Outbox>().ListAsync(50, CancellationToken.None);
        Assert.Equal(readers.Keys.Order(), sent.Select(e => e.To).Order());
        foreach (var email in sent)
        {
            var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(email.Html);
            switch (readers[email.To])
            {
                case SubscriberLanguage.Welsh:
                    WelshEmailTests.AssertWelsh("digest", email.Html, email.Text, items.SelectMany(i => new[] { i.Title, i.Summary }));
                    Assert.EndsWith("ar gyfer Wythnos Cyd-gynhyrchu", email.Subject);
                    break;
                case SubscriberLanguage.Both:
                    Assert.Equal("cy", page.DocumentElement.GetAttribute("lang"));
                    Assert.Contains(" / ", email.Subject);
                    Assert.True(email.Text.IndexOf("Newydd yr wythnos hon", StringComparison.Ordinal) < email.Text.IndexOf("New this week", StringComparison.Ordinal));
                    break;
                default:
                    Assert.Equal("en-GB", page.DocumentElement.GetAttribute("lang"));
                    Assert.EndsWith("for Co-production Week", email.Subject);
                    break;
            }
        }

        var run = DigestRuns.RunId("weekly", DigestHarness.Monday);
        var english = await hub.Storage.Site.GetBlobClient(DigestContent.WebCopyPath(run)).DownloadContentAsync();
        var welsh = await hub.Storage.Site.GetBlobClient("cy/digests/" + run + "/index.html").DownloadContentAsync();
        Assert.Contains("<html lang=\"en-GB\">", english.Value.Content.ToString());
        Assert.Empty(WelshChecks.EnglishLeftIn(new AngleSharp.Html.Parser.HtmlParser().ParseDocument(welsh.Value.Content.ToString())));
    }
}
