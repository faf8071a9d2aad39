using CoproWeek.Hub.Events;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Rendering;
using CoproWeek.Hub.Security;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using CoproWeek.Hub.Subscriptions.Pages;
using static CoproWeek.Hub.Subscriptions.Page;

namespace CoproWeek.Hub.Contacts;

/// <summary>
/// <c>/api/contacts/confirm?token=…</c>, the link in the confirmation email. GET shows one button, so mail scanners
/// that follow links confirm nobody; its POST marks the mailbox confirmed and sends every submission waiting for
/// it on to the automatic checks, each with a fresh private link in its receipt.
/// </summary>
public sealed class ConfirmContact(
    ContactAddresses contacts,
    SubmissionStore submissions,
    IOptions<SiteOptions> site,
    ILogger<ConfirmContact> logger)
{
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var token = request.Query["token"].ToString();
        var language = Languages.Of(request);
        var options = site.Value;
        var query = TokenQuery(token);
        var mailbox = await contacts.FindByTokenAsync(token, cancellationToken);
        if (mailbox is null && await contacts.IsConfirmedLinkAsync(token, cancellationToken))
        {
            return Answer(options, language, Triggers.Routes.ConfirmContact, query,
                new Notice(Words("AlreadyTitle", language), [Words("Already", language), Words("WhatNext", language)]));
        }
        if (mailbox is null)
        {
            return Answer(options, language, Triggers.Routes.ConfirmContact, query,
                new Notice(Words("NotRightTitle", language), [Words("NotRight", language), Words("SendAgain", language)]), StatusCodes.Status404NotFound);
        }
        if (!HttpMethods.IsPost(request.Method))
        {
            return Answer(options, language, Triggers.Routes.ConfirmContact, query,
                new Notice(Words("ConfirmTitle", language), [Words("ConfirmExplanation", language)],
                    new NoticeButton(ContactEmails.ConfirmUrl(options, token, language), Words("ConfirmButton", language))));
        }

        await contacts.MarkConfirmedAsync(mailbox.MailboxId, cancellationToken);
        var released = await ReleaseWaitingAsync(mailbox.MailboxId, cancellationToken);
        logger.LogInformation("Contact mailbox {MailboxId} confirmed; {Released} submissions sent on to the checks", mailbox.MailboxId[..12], released);
        return Answer(options, language, Triggers.Routes.ConfirmContact, query,
            new Notice(Words("ConfirmedTitle", language), [Words(released == 0 ? "NothingWaiting" : "Checking", language)]));
    }

    private static string Words(string key, Language language) => Localised.Get<ContactText>(key, language);

    /// <summary>
    /// Sends each submission waiting for the mailbox on to the checks. Its manage token is replaced: the first one
    /// may have gone to whoever sent the form, and the receipt's link must reach the address's owner alone.
    /// </summary>
    public async Task<int> ReleaseWaitingAsync(string mailboxId, CancellationToken cancellationToken)
    {
        var released = 0;
        await foreach (var waiting in contacts.WaitingAsync(mailboxId, cancellationToken))
        {
            var id = waiting.SubmissionId;
            // An edit may have moved the submission to another address since it was filed here; only its own contact releases it.
            if (await submissions.GetAsync(id, cancellationToken) is { Status: SubmissionStatus.AwaitingConfirmation } submission
                && contacts.MailboxId(submission.ContactEmail) == mailboxId)
            {
                var (purpose, url) = submission.Kind switch
                {
                    SubmitPost.Kind => (SubmitPost.ManagePurpose, (Func<string, string>)(t => SubmitPost.ManageUrl(site.Value, id, t))),
                    Supporters.SubmitSupporter.Kind => (Supporters.SubmitSupporter.ManagePurpose, t => Supporters.SubmitSupporter.ManageUrl(site.Value, id, t)),
                    _ => (SubmitEvent.ManagePurpose, t => SubmitEvent.ManageUrl(site.Value, id, t)),
                };
                var (token, hash) = Tokens.Create(purpose);
                var received = submission with { Status = SubmissionStatus.Received, Version = submission.Version + 1, ManageTokenHash = hash };
                if (!await submissions.TryReplaceThenSendAsync(received, Triggers.Queues.Moderation,
                        new SubmissionMessage(id, received.Version, url(token)), cancellationToken))
                {
                    continue; // changed a moment ago (an edit, a withdrawal); the next confirmation or the clean-up sees it again
                }
                released++;
            }
            await contacts.RemoveWaitingAsync(waiting, cancellationToken);
        }
        return released;
    }
}
