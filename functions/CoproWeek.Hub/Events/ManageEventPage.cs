using CoproWeek.Hub.Http;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Events;

/// <summary>
/// The page behind the organiser's private link, for people rather than programs: <c>GET</c> shows where the
/// event stands and why, with a form to change it and one to withdraw it; <c>POST</c> takes either form,
/// without JavaScript, and comes back to the page.
/// </summary>
public sealed class ManageEventPage(ManageEvent manage, IOptions<SiteOptions> site, TimeProvider time, AccessRequests.AccessRequestCounts accessRequests)
{
    public const string ConfirmField = "confirm";

    public Task<IResult> ShowAsync(HttpRequest request, string id, CancellationToken cancellationToken) => PrivateAnswer.Of(AnswerShowAsync(request, id, cancellationToken));

    private async Task<IResult> AnswerShowAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var submission = await manage.FindAsync(request, id, cancellationToken);
        return submission is null ? Problems.NotFound() : Render(request, submission, values: null, errors: null, StatusCodes.Status200OK,
            await accessRequests.ForEventAsync(submission.Id, cancellationToken));
    }

    public Task<IResult> PostAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        PrivateAnswer.Of(ManageLink.AnswerFormAsync(manage.FindAsync(request, id, cancellationToken), request,
            (submission, fields) => AnswerPostAsync(request, id, submission, fields, cancellationToken), cancellationToken));

    private async Task<IResult> AnswerPostAsync(HttpRequest request, string id, Submission submission, InputFields fields, CancellationToken cancellationToken)
    {
        if (request.Query["action"] == "withdraw")
        {
            if (!ManageLink.Confirmed(fields, ConfirmField))
            {
                return Render(request, submission, null, new Dictionary<string, string[]> { [ConfirmField] = [ManageLinkPage.Words("Event.Tick", Languages.Of(request))] },
                    StatusCodes.Status400BadRequest);
            }
            return ManageLink.BackTo(await manage.WithdrawAsync(submission, ifMatch: null, cancellationToken), PageUrl(request, id));
        }

        var input = EventValidator.Read(fields, time.GetUtcNow());
        if (input.Details is null)
        {
            return Render(request, submission, EventFormValues.From(fields.Form), input.Errors, StatusCodes.Status400BadRequest);
        }
        return ManageLink.BackTo(await manage.ChangeAsync(submission, ifMatch: null, input.Details, cancellationToken), PageUrl(request, id));
    }

    private IResult Render(HttpRequest request, Submission submission, EventFormValues? values, IReadOnlyDictionary<string, string[]>? errors, int status,
        long? accessRequestCount = null)
    {
        var language = Languages.Of(request);
        var details = HubJson.Deserialize<EventDetails>(submission.DetailsJson);
        var page = PageUrl(request, submission.Id);
        var reasons = submission.Reason is null ? Array.Empty<string>() : [submission.Reason];
        var html = ManagePage.Render(site.Value, details, StatusOf(submission.Status), reasons,
            editAction: page + "&action=edit", withdrawAction: page + "&action=withdraw", values, errors,
            eventUrl: submission.Status == SubmissionStatus.Live ? site.Value.Public(language.Localise(SitePaths.EventPage(submission.Slug)).Replace("index.html", "", StringComparison.Ordinal)) : null,
            accessRequests: accessRequestCount, language: language,
            translation: PageTranslation.OfApi(site.Value, language, $"events/{submission.Id}/manage", ManageLinkPage.TokenQuery(request)));
        return EventPages.Html(html, status);
    }

    /// <summary>The page in the request's language: a Welsh page's forms post back to the Welsh route, and come back to it.</summary>
    private string PageUrl(HttpRequest request, string id) =>
        site.Value.Api(Languages.Of(request).Localise($"events/{id}/manage")) + ManageLinkPage.TokenQuery(request);

    private static ManageStatus StatusOf(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Live => ManageStatus.Live,
        SubmissionStatus.AwaitingConfirmation => ManageStatus.AwaitingConfirmation,
        SubmissionStatus.Held => ManageStatus.HeldForReview,
        SubmissionStatus.ChangesRequested => ManageStatus.ChangesRequested,
        SubmissionStatus.Rejected or SubmissionStatus.TakenDown => ManageStatus.Rejected,
        SubmissionStatus.Withdrawn => ManageStatus.Withdrawn,
        _ => ManageStatus.Received,
    };
}
