using System.Net;
using Azure.Data.Tables;
using CoproWeek.Hub;
using CoproWeek.Hub.Email;
using CoproWeek.Hub.Storage;
using CoproWeek.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace CoproWeek.Tests.Foundation;

/// <summary>The email ledger's crash rules, one delivery at a time, on real storage with a hand-moved clock.</summary>
public sealed class EmailLedgerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan ClaimTimeout = new SendGridOptions().ClaimTimeout;
    private readonly TestClock _clock = new(new DateTimeOffset(2027, 7, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly Mock<ISendGridClient> _sendGrid = new();

    private static EmailMessage Message(string id) =>
        new(id, "reader@example.org", "Your event is live", "<p>Live.</p>", "Live.", DateTimeOffset.UtcNow);

    private async Task<(SendEmail Sender, HubStorage Storage, EmailLedger Ledger)> CreateAsync()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var ledger = new EmailLedger(storage);
        var sender = new SendEmail(storage, ledger, new QueueSender(storage, new QueueActivity()), new Outbox(storage),
            Options.Create(new SendGridOptions { ApiKey = "SG.test-key" }), _clock, NullLogger<SendEmail>.Instance, _sendGrid.Object);
        return (sender, storage, ledger);
    }

    private void SendGridAnswers(params HttpStatusCode[] statuses)
    {
        var answers = new Queue<HttpStatusCode>(statuses);
        _sendGrid.Setup(c => c.SendEmailAsync(It.IsAny<SendGridMessage>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new Response(answers.Count > 0 ? answers.Dequeue() : HttpStatusCode.Accepted, new StringContent("{}"), null));
    }

    private static Task ClaimedByAnotherAsync(EmailLedger ledger, string id, DateTimeOffset at) =>
        ledger.Table.AddEntityAsync(new TableEntity(id, EmailLedger.RowKey) { ["State"] = EmailState.Sending, ["ClaimedAt"] = at });

    private static async Task<string?> StateAsync(EmailLedger ledger, string id) => (await ledger.GetAsync(id, CancellationToken.None))?.State;

    private void VerifySendGridCalls(int times) =>
        _sendGrid.Verify(c => c.SendEmailAsync(It.IsAny<SendGridMessage>(), It.IsAny<CancellationToken>()), Times.Exactly(times));

    [Fact]
    public async Task A_claim_left_by_a_delivery_that_stopped_is_marked_uncertain_counted_once_and_never_sent()
    {
        var (sender, _, ledger) = await CreateAsync();
        SendGridAnswers();
        await ClaimedByAnotherAsync(ledger, "stranded-1", _clock.Now - ClaimTimeout - TimeSpan.FromSeconds(1));

        await sender.HandleAsync(Message("stranded-1"), CancellationToken.None);
        await sender.HandleAsync(Message("stranded-1"), CancellationToken.None);

        VerifySendGridCalls(0);
        Assert.Equal(EmailState.Uncertain, await StateAsync(ledger, "stranded-1"));
        Assert.Equal(1, await ledger.UncertainOnAsync(_clock.Now, CancellationToken.None));
    }

    [Fact]
    public async Task A_fresh_claim_held_elsewhere_is_checked_again_later_by_a_delayed_copy_and_settled_then()
    {
        var (sender, storage, ledger) = await CreateAsync();
        SendGridAnswers();
        await ClaimedByAnotherAsync(ledger, "in-flight-1", _clock.Now - TimeSpan.FromSeconds(10));

        await sender.HandleAsync(Message("in-flight-1"), CancellationToken.None);
        var queue = storage.Queue(Triggers.Queues.Email);
        var waiting = (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
        var visibleNow = (await queue.PeekMessagesAsync()).Value;
        _clock.Advance(ClaimTimeout);
        await sender.HandleAsync(Message("in-flight-1"), CancellationToken.None); // the delayed copy, once the claim counts as abandoned

        VerifySendGridCalls(0);
        Assert.Equal(1, waiting);
        Assert.Empty(visibleNow);
        Assert.Equal(EmailState.Uncertain, await StateAsync(ledger, "in-flight-1"));
    }

    [Fact]
    public async Task A_SendGrid_call_that_ends_without_an_answer_leaves_the_email_uncertain_and_it_is_never_sent_again()
    {
        var (sender, _, ledger) = await CreateAsync();
        _sendGrid.Setup(c => c.SendEmailAsync(It.IsAny<SendGridMessage>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("connection reset"));

        await Assert.ThrowsAsync<HttpRequestException>(() => sender.HandleAsync(Message("reset-1"), CancellationToken.None));
        await sender.HandleAsync(Message("reset-1"), CancellationToken.None); // the queue's retry

        VerifySendGridCalls(1);
        Assert.Equal(EmailState.Uncertain, await StateAsync(ledger, "reset-1"));
        Assert.Equal(1, await ledger.UncertainOnAsync(_clock.Now, CancellationToken.None));
    }

    [Fact]
    public async Task A_SendGrid_server_error_gives_the_claim_up_so_the_retry_sends_the_email()
    {
        var (sender, _, ledger) = await CreateAsync();
        SendGridAnswers(HttpStatusCode.ServiceUnavailable);

        await Assert.ThrowsAsync<EmailDeliveryException>(() => sender.HandleAsync(Message("flaky-1"), CancellationToken.None));
        var afterFailure = await StateAsync(ledger, "flaky-1");
        await sender.HandleAsync(Message("flaky-1"), CancellationToken.None);
        await sender.HandleAsync(Message("flaky-1"), CancellationToken.None);

        VerifySendGridCalls(2);
        Assert.Null(afterFailure);
        Assert.Equal(EmailState.Sent, await StateAsync(ledger, "flaky-1"));
        Assert.Equal(0, await ledger.UncertainOnAsync(_clock.Now, CancellationToken.None));
    }

    [Fact]
    public void A_claim_timeout_no_longer_than_the_rate_limit_wait_is_refused_at_start()
    {
        var options = new SendGridOptions { MaxRateLimitWait = TimeSpan.FromMinutes(2), ClaimTimeout = TimeSpan.FromMinutes(2) };

        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        Assert.Contains(errors, e => e.ErrorMessage!.Contains("SendGrid:ClaimTimeout"));
    }
}
