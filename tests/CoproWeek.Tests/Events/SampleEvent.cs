using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoproWeek.Tests.Infrastructure;

namespace CoproWeek.Tests.Events;

/// <summary>A valid event as an organiser would send it, to change one field at a time.</summary>
public static class SampleEvent
{
    public const string ContactEmail = "private.contact@example.org";

    public static JsonObject Json(string title = "Co-producing mental health services in Leeds", DateTimeOffset? start = null)
    {
        var begins = start ?? new DateTimeOffset(DateTime.UtcNow.Year + 1, 7, 5, 10, 0, 0, TimeSpan.FromHours(1));
        return new JsonObject
        {
            ["title"] = title,
            ["summary"] = "An open workshop run by people who use services and the staff who run them.",
            ["description"] = "We will share what we learned.\n\nEveryone is welcome.",
            ["organiser"] = new JsonObject { ["name"] = "Example Peer Network", ["website"] = "https://example.org" },
            ["contact"] = new JsonObject { ["name"] = "Private Person", ["email"] = ContactEmail },
            ["start"] = begins.ToString("yyyy-MM-dd'T'HH:mm:sszzz"),
            ["end"] = begins.AddHours(2.5).ToString("yyyy-MM-dd'T'HH:mm:sszzz"),
            ["format"] = "hybrid",
            ["venue"] = new JsonObject { ["name"] = "Central Library", ["address"] = "Calverley Street, Leeds", ["postcode"] = "LS1 3AB" },
            ["online"] = new JsonObject { ["joiningInfo"] = "A link is sent when you book." },
            ["region"] = "yorkshire-and-the-humber",
            ["topics"] = new JsonArray("mental-health", "voluntary-and-community-sector"),
            ["cost"] = "free",
            ["bookingUrl"] = "https://example.org/book",
            ["easyRead"] = "A meeting about mental health services. You can come in person or online.",
            ["coproduction"] = new JsonObject { ["livedExperienceInvolvement"] = "Planned with our peer network.", ["participantsPaid"] = true, ["expensesCovered"] = true },
            ["access"] = new JsonObject { ["stepFree"] = true, ["bsl"] = true, ["hearingLoop"] = false, ["captions"] = true, ["easyReadMaterials"] = true, ["quietSpace"] = true, ["accessibleToilets"] = true, ["notes"] = "" },
        };
    }

    public sealed record Answer(string Id, string Status, string ManageUrl);

    public static async Task<Answer> SubmitAsync(HttpClient client, JsonObject? body = null)
    {
        var response = await client.PostAsJsonAsync("/api/events", body ?? Json());
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Answer>())!;
    }

    /// <summary>The manage token from the manage URL.</summary>
    public static string Token(Answer answer) => Uri.UnescapeDataString(answer.ManageUrl.Split("token=")[1]);

    public static HttpRequestMessage WithToken(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    /// <summary>Waits until the event's page is served, and returns its path.</summary>
    public static async Task<string> WaitUntilLiveAsync(HttpClient client, HubFactory hub, string id)
    {
        var slug = await Eventually.GetAsync(async () =>
        {
            var row = await hub.Storage.Table("SiteIndex").GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("event", id);
            return row.HasValue && row.Value!.GetBoolean("Withdrawn") == false ? row.Value.GetString("Slug") : null;
        }, $"event {id} to be published");
        var path = $"/events/{slug}/";
        await Eventually.TrueAsync(async () => (await client.GetAsync(path)).IsSuccessStatusCode, $"{path} to be served");
        // The publisher marks the submission live after the page is up: an organiser's change made before that
        // would meet a row that changed beneath it. Live means the publisher has finished.
        await hub.QueuesIdleAsync(Hub.Triggers.PublishItem);
        return path;
    }
}
