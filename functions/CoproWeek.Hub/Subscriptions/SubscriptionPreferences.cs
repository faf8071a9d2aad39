using System.Text;
using Azure;
using Azure.Data.Tables;
using CoproWeek.Hub.Http;
using CoproWeek.Hub.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static CoproWeek.Hub.Subscriptions.Page;

namespace CoproWeek.Hub.Subscriptions;

/// <summary>
/// The preferences page every email links to: change how often and what about, stop the emails,
/// download what we hold (JSON), or erase it (export and erase live in <see cref="SubscriberData"/>).
/// </summary>
public sealed class SubscriptionPreferences(SubscriberStore store, IOptions<SiteOptions> site, TimeProvider time, ILogger<SubscriptionPreferences> logger)
{
    public const string Title = "Your email choices";

    public Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken) => PrivateAnswer.Of(AnswerHandleAsync(request, cancellationToken));

    private async Task<IResult> AnswerHandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var token = request.Query["token"].ToString();
        var now = time.GetUtcNow();
        var subscriber = await store.FindByTokenAsync(token, TokenPurposes.Preferences, now, cancellationToken);
        if (subscriber is null)
        {
            return request.HasFormContentType || !HttpMethods.IsPost(request.Method) ? LinkNotRight(site.Value) : Problems.NotFound();
        }
        if (!HttpMethods.IsPost(request.Method))
        {
            return Html(site.Value, Title, Body(subscriber, token, null, null, null));
        }

        var (body, problem) = await SubscriptionChoices.ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return problem!;
        }
        if (request.HasFormContentType && body.Action == "unsubscribe")
        {
            await Unsubscribe.StopAsync(store, subscriber, now, cancellationToken);
            logger.LogInformation("Subscriber {SubscriberId} unsubscribed from the preferences page", subscriber.Id[..12]);
            return Html(site.Value, "You will not get any more emails", "<p>We have stopped your emails. You do not need to do anything else.</p>");
        }

        var errors = SubscriptionChoices.Validate(body, needEmail: false);
        if (errors.Count > 0)
        {
            return request.HasFormContentType
                ? Html(site.Value, Title, Body(subscriber, token, body, errors, null), StatusCodes.Status400BadRequest)
                : Problems.Validation(errors);
        }

        var changed = subscriber with
        {
            Frequency = body.Frequency!,
            Regions = Subscriber.Join((body.Regions ?? []).Distinct()),
            Topics = Subscriber.Join((body.Topics ?? []).Distinct()),
        };
        try
        {
            await store.Subscribers.UpdateEntityAsync(Subscriber.ChoicesChange(changed.Id, changed.Frequency, changed.Regions, changed.Topics),
                subscriber.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is StatusCodes.Status412PreconditionFailed or StatusCodes.Status404NotFound)
        {
            return Problems.Status(StatusCodes.Status409Conflict, "Changed elsewhere", "Your choices changed a moment ago. Open the page again and try once more.");
        }
        logger.LogInformation("Subscriber {SubscriberId} changed their choices", subscriber.Id[..12]);
        if (!request.HasFormContentType)
        {
            return Results.Json(new { frequency = body.Frequency, regions = body.Regions ?? [], topics = body.Topics ?? [] }, HubJson.Options);
        }
        return Html(site.Value, Title, Body(changed, token, null, null, "Your choices are saved."));
    }

    private string Body(Subscriber subscriber, string token, SubscriptionRequest? values, IReadOnlyDictionary<string, string[]>? errors, string? notice)
    {
        var query = "?token=" + Uri.EscapeDataString(token);
        var here = site.Value.Api(Triggers.Routes.SubscriptionPreferences) + query;
        var html = new StringBuilder();
        if (notice is not null)
        {
            html.Append("<p role=\"status\"><strong>").Append(E(notice)).Append("</strong></p>");
        }
        if (errors is { Count: > 0 })
        {
            html.Append("<p role=\"alert\" class=\"error-message\">Please check your answers below.</p>");
        }
        html.Append("<p>These are the emails we send to ").Append(E(subscriber.Email)).Append(".</p>");
        if (subscriber.Status != SubscriberStatus.Active)
        {
            html.Append("<p>You are not getting emails from us at the moment.</p>");
        }
        html.Append("<form method=\"post\" action=\"").Append(E(here)).Append("\"><input type=\"hidden\" name=\"action\" value=\"save\">");
        SubscribeFormPage.Choices(html, "How often do you want emails?", "frequency", "radio",
            [new Term("weekly", "Once a week"), new Term("daily", "Every day")], [values?.Frequency ?? subscriber.Frequency], errors);
        SubscribeFormPage.Choices(html, "Which places? Choose none to hear about everywhere.", "regions", "checkbox", Vocabulary.Regions,
            values?.Regions ?? subscriber.RegionList, errors);
        SubscribeFormPage.Choices(html, "Which topics? Choose none to hear about everything.", "topics", "checkbox", Vocabulary.Topics,
            values?.Topics ?? subscriber.TopicList, errors);
        html.Append("<button type=\"submit\">Save my choices</button></form>");
        html.Append("<h2>Stop the emails</h2><form method=\"post\" action=\"").Append(E(here))
            .Append("\"><input type=\"hidden\" name=\"action\" value=\"unsubscribe\"><button type=\"submit\" class=\"button-warning\">Stop all emails</button></form>");
        html.Append("<h2>Your information</h2><p><a href=\"").Append(E(site.Value.Api(Triggers.Routes.ExportSubscription) + query))
            .Append("\">Download what we hold about you</a> (a JSON file).</p>")
            .Append("<p>You can ask us to delete it. We then keep only a scrambled code of your address, so that we never email it again unless you sign up afresh.</p>")
            .Append("<form method=\"post\" action=\"").Append(E(site.Value.Api(Triggers.Routes.EraseSubscription) + query))
            .Append("\"><button type=\"submit\" class=\"button-warning\">Delete my information</button></form>");
        return html.ToString();
    }
}
