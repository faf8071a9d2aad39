using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CoproWeek.Hub.Moderation;
using CoproWeek.Hub.Submissions;
using CoproWeek.Tests.Events;
using CoproWeek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Tests.Moderation;

/// <summary>Events the automatic checks hold for a person (four links in the description), and a moderator's requests.</summary>
public static class HeldItems
{
    public static System.Text.Json.Nodes.JsonObject Json(string title)
    {
        var body = SampleEvent.Json(title);
        body["description"] = "Read https://example.org/a and https://example.org/b, then https://example.org/c and https://example.org/d.";
        return body;
    }

    /// <summary>Submits an event that will be held, and waits until it is.</summary>
    public static async Task<SampleEvent.Answer> SubmitAsync(HttpClient client, HubFactory hub, string title)
    {
        var answer = await SampleEvent.SubmitAsync(client, Json(title));
        await WaitForStatusAsync(hub, answer.Id, SubmissionStatus.Held);
        return answer;
    }

    public static Task<Submission> WaitForStatusAsync(HubFactory hub, string id, SubmissionStatus status, int? version = null) =>
        Eventually.GetAsync(async () =>
        {
            var item = await hub.Services.GetRequiredService<SubmissionStore>().GetAsync(id, CancellationToken.None);
            return item is not null && item.Status == status && (version is null || item.Version == version) ? item : null;
        }, $"{id} to be {status}");

    public static Task<string> AddModeratorAsync(HubFactory hub, string name) =>
        hub.Services.GetRequiredService<Moderators>().AddAsync(name, CancellationToken.None);

    public static HttpRequestMessage Request(HttpMethod method, string path, string? key)
    {
        var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return request;
    }

    public static async Task<HttpResponseMessage> DecideAsync(HttpClient client, string? key, string id, string? ifMatch, string decision, string? reason = null)
    {
        var request = Request(HttpMethod.Post, $"/api/moderation/items/{id}/decision", key);
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.ParseAdd(ifMatch);
        }
        request.Content = JsonContent.Create(new { decision, reason });
        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    public static async Task<IReadOnlyList<LogEntry>> HistoryAsync(HubFactory hub, string id) =>
        await hub.Services.GetRequiredService<ModerationLog>().HistoryAsync(id, CancellationToken.None);
}
