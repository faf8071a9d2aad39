using CoproWeek.Hub.Events;
using CoproWeek.Hub.Http;
using CoproWeek.Hub.Storage;
using Microsoft.AspNetCore.Http;

namespace CoproWeek.Hub.Submissions;

/// <summary>
/// How every submission ends once it is stored: a 202 with the id, where it stands and the private manage link, at the
/// item's address; the same answer without the link kept as the replay for its Idempotency-Key; and for a form, a 303
/// to its thanks page instead.
/// </summary>
internal static class SubmissionReceipt
{
    /// <param name="route">The items' route under the API ("events", "posts").</param>
    /// <param name="thanksPage">The site page a form goes on to, or null when a program sent it.</param>
    public static async Task<IResult> AnswerAsync(Idempotency idempotency, IdempotencyClaim? claim, SiteOptions site, string route, string id,
        SubmissionStatus status, string manageUrl, string? thanksPage, CancellationToken cancellationToken)
    {
        var answer = new StoredAnswer(StatusCodes.Status202Accepted, "application/json; charset=utf-8",
            HubJson.Serialize(new SubmissionAnswer(id, ManageEvent.StatusWord(status), manageUrl)), $"/{site.RoutePrefix}/{route}/{id}".Replace("//", "/", StringComparison.Ordinal));
        if (claim is not null)
        {
            await idempotency.CompleteAsync(claim, answer with { Body = HubJson.Serialize(SubmissionAnswer.Replay(id, ManageEvent.StatusWord(status))) }, cancellationToken);
        }
        return thanksPage is null ? answer : new SeeOther(site.Public(thanksPage));
    }
}
