using CoproWeek.Hub.Events;
using CoproWeek.Hub.Moderation;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using CoproWeek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Tests.Reports;

/// <summary>Live events and stories written straight to storage, as the publisher leaves them, for figures and exports of a known set.</summary>
public static class LiveItems
{
    public static EventDetails Event(string title, DateTimeOffset start, string region = "london", string format = "online", string[]? topics = null,
        bool paid = false, bool expenses = false, bool bsl = false, bool stepFree = false, string contactName = "Pat Organiser", string contactEmail = "pat@example.org") => new()
    {
        Title = title,
        Summary = "A short summary.",
        Description = "What happens.",
        Organiser = new Organiser { Name = "Example Network", Website = "https://example.org" },
        Contact = new Contact { Name = contactName, Email = contactEmail },
        Start = start,
        End = start.AddHours(2),
        Format = format,
        Region = region,
        Topics = topics ?? ["health"],
        Cost = "free",
        Coproduction = new Coproduction { LivedExperienceInvolvement = "Planned together.", ParticipantsPaid = paid, ExpensesCovered = expenses },
        Access = new Access { Bsl = bsl, StepFree = stepFree },
    };

    /// <summary>Stores the event as submitted (with its contact) and as published (without), and returns its id.</summary>
    public static async Task<string> AddEventAsync(HubFactory hub, EventDetails details, DateTimeOffset submitted, bool withdrawn = false)
    {
        var id = SubmissionStore.NewId();
        await hub.Services.GetRequiredService<SubmissionStore>().InsertAsync(new Submission
        {
            Id = id,
            Kind = "event",
            Slug = "event-" + id,
            Status = withdrawn ? SubmissionStatus.Withdrawn : SubmissionStatus.Live,
            Version = 1,
            DetailsJson = HubJson.Serialize(details),
            ManageTokenHash = "hash",
            ContactEmail = details.Contact.Email,
            Submitted = submitted,
            Updated = submitted,
        }, CancellationToken.None);
        await hub.Services.GetRequiredService<SiteIndex>().TryWriteAsync(new SiteEntry(id, "event", 1, "event-" + id,
            HubJson.Serialize(details with { Contact = new Contact() }), submitted.AddMinutes(1), withdrawn, default), existed: false, CancellationToken.None);
        return id;
    }

    public static async Task<string> AddStoryAsync(HubFactory hub, string title, string authorEmail = "author@example.org")
    {
        var id = SubmissionStore.NewId();
        var now = DateTimeOffset.UtcNow;
        var details = new PostDetails { Title = title, AuthorName = "Alex Author", AuthorEmail = authorEmail, BodyBlob = $"posts/{id}/v1/body.md" };
        await hub.Services.GetRequiredService<SubmissionStore>().InsertAsync(new Submission
        {
            Id = id,
            Kind = "post",
            Slug = "story-" + id,
            Status = SubmissionStatus.Live,
            Version = 1,
            DetailsJson = HubJson.Serialize(details),
            ManageTokenHash = "hash",
            ContactEmail = authorEmail,
            Submitted = now,
            Updated = now,
        }, CancellationToken.None);
        await hub.Services.GetRequiredService<SiteIndex>().TryWriteAsync(new SiteEntry(id, "post", 1, "story-" + id,
            HubJson.Serialize(new PublicPost { Title = title, AuthorName = "Alex Author", Summary = "A story." }), now, false, default), existed: false, CancellationToken.None);
        return id;
    }

    public static Task DecidedAsync(HubFactory hub, string id, string who, DateTimeOffset when, string decision = "approve") =>
        hub.Services.GetRequiredService<ModerationLog>().AppendAsync(new LogEntry(id, 1, who, when, decision, null), CancellationToken.None);

    /// <summary>Signs in on the moderation page and returns the session cookie to send.</summary>
    public static async Task<string> SignInAsync(HttpClient client, string key)
    {
        var signedIn = await client.PostAsync("/api/moderate", new FormUrlEncodedContent([new("key", key)]));
        return signedIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
    }

    public static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? cookie = null, string? key = null, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        if (key is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }
        return client.SendAsync(request);
    }
}
