using Azure;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;

namespace CoproWeek.Hub.Moderation;

/// <summary>One thing the submitter sent, labelled with the words of the form they filled in.</summary>
public sealed record ItemField(string Name, string Label, string Value, bool Private = false);

/// <summary>One field that changed between two versions.</summary>
public sealed record FieldChange(string Label, string Before, string After);

/// <summary>
/// What a moderator reads of an item: every field with the form's own label and its value in words (never property
/// names or raw JSON), the contact details, and the earlier versions kept in the private container at each decision
/// (<c>versions/{id}/v{n}.json</c>), so the page can say what changed since the last decision.
/// </summary>
public sealed class ItemFields(HubStorage storage, PostBlobs blobs)
{
    private Azure.Storage.Blobs.BlobContainerClient Private => storage.Container(HubStorage.ContainerNames.Submissions);

    private static string VersionBlob(string id, int version) => $"versions/{id}/v{version}.json";

    /// <summary>Keeps the details of the version being decided, once (a retried decision writes nothing new).</summary>
    public async Task KeepVersionAsync(Submission item, CancellationToken cancellationToken)
    {
        try
        {
            await Private.GetBlobClient(VersionBlob(item.Id, item.Version)).UploadAsync(BinaryData.FromString(item.DetailsJson), overwrite: false, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
        }
    }

    /// <summary>Removes every kept version of an item (they hold the contact's name and address), when the item itself goes.</summary>
    public async Task DeleteVersionsAsync(string id, CancellationToken cancellationToken)
    {
        await foreach (var kept in Private.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"versions/{id}/", cancellationToken))
        {
            await Private.DeleteBlobIfExistsAsync(kept.Name, cancellationToken: cancellationToken);
        }
    }

    /// <summary>The details of an earlier version, or null if none was kept.</summary>
    public async Task<string?> VersionAsync(string id, int version, CancellationToken cancellationToken)
    {
        try
        {
            return (await Private.GetBlobClient(VersionBlob(id, version)).DownloadContentAsync(cancellationToken)).Value.Content.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The fields of an item (or of its details at an earlier version), in the form's order.</summary>
    public async Task<IReadOnlyList<ItemField>> OfAsync(Submission item, CancellationToken cancellationToken)
    {
        if (item.Kind == SubmitPost.Kind)
        {
            var post = HubJson.Deserialize<PostDetails>(item.DetailsJson);
            string body;
            try
            {
                body = await blobs.ReadBodyAsync(post, cancellationToken);
            }
            catch (RequestFailedException missing) when (missing.Status == 404)
            {
                body = "";
            }
            var welshBody = post.Welsh is { BodyBlob.Length: > 0 } welsh ? await WelshBodyAsync(welsh, cancellationToken) : "";
            return
            [
                new(Http.LanguageFields.Language, "Language of the story", LanguageName(post.Language)),
                new("title", "Title", post.Title),
                new("body", "Your story", body),
                .. post.Welsh is null ? [] : new ItemField[]
                {
                    new(StoryFields.WelshTitle, "Title in Welsh", post.Welsh.Title),
                    new(StoryFields.WelshBody, "Your story in Welsh", welshBody),
                },
                .. post.Images.Select((image, i) => new ItemField($"images[{i}]", $"Picture {i + 1}: what it shows", image.Alt)),
                new("tags", "Tags", string.Join(", ", post.Tags)),
                new("kind", "Kind of story", StoryKinds.NameOf(post.Kind)),
                new("originalUrl", "Where it first appeared", post.OriginalUrl ?? ""),
                new("relatedEventId", "Related event", post.RelatedEventId ?? ""),
                new("authorName", "Your name as it should appear", post.AuthorName),
                new("authorRole", "Your role", post.AuthorRole ?? ""),
                new("organisation", "Your organisation or group", post.Organisation ?? ""),
                new("authorEmail", "Your email address", post.AuthorEmail, Private: true),
                // Co-authors in the form's words: co-author 1 is authors[1], the first author being the one above.
                .. Bylines.Of(post).Skip(1).SelectMany((author, i) => new ItemField[]
                {
                    new(StoryFields.AuthorField(i + 1, "name"), $"Co-author {i + 1}: name", author.Name),
                    new(StoryFields.AuthorField(i + 1, "role"), $"Co-author {i + 1}: role", author.Role ?? ""),
                    new(StoryFields.AuthorField(i + 1, "organisation"), $"Co-author {i + 1}: organisation or group", author.Organisation ?? ""),
                }),
            ];
        }
        if (item.Kind == Supporters.SubmitSupporter.Kind)
        {
            var pledge = HubJson.Deserialize<Supporters.SupporterDetails>(item.DetailsJson);
            return
            [
                new("organisation", "Organisation name", pledge.Title),
                new("website", "Website", pledge.Website),
                new("statement", "Why you support the week", pledge.Statement),
                new("logo", "Logo", pledge.Logo is null ? "No logo" : "A logo (shown below)"),
                new("consent", "We agree to be listed on the supporters page with our name, website, statement and logo", YesNo(pledge.Consent)),
                new("contactEmail", "Your email address", pledge.ContactEmail, Private: true),
            ];
        }
        var e = HubJson.Deserialize<EventDetails>(item.DetailsJson);
        return
        [
            new(EventFormFields.Language, "Language of the listing", LanguageName(e.Language)),
            new(EventFormFields.Title, "Name of the event", e.Title),
            new(EventFormFields.Summary, "Short summary", e.Summary),
            new(EventFormFields.EasyRead, "Easy-read summary", e.EasyRead ?? ""),
            new(EventFormFields.Description, "Full description", e.Description),
            .. e.Welsh is null ? [] : new ItemField[]
            {
                new(EventFormFields.WelshTitle, "Name of the event in Welsh", e.Welsh.Title),
                new(EventFormFields.WelshSummary, "Short summary in Welsh", e.Welsh.Summary),
                new(EventFormFields.WelshEasyRead, "Easy-read summary in Welsh", e.Welsh.EasyRead ?? ""),
                new(EventFormFields.WelshDescription, "Full description in Welsh", e.Welsh.Description ?? ""),
            },
            new(EventFormFields.Start, "Starts", $"{UkTime.Date(e.Start)}, {UkTime.Time(e.Start)}"),
            new(EventFormFields.End, "Finishes", $"{UkTime.Date(e.End)}, {UkTime.Time(e.End)}"),
            new(EventFormFields.Format, "How will people take part?", Vocabulary.NameOf(Vocabulary.Formats, e.Format)),
            new(EventFormFields.VenueName, "Name of the place", e.Venue?.Name ?? ""),
            new(EventFormFields.VenueAddress, "Address", e.Venue?.Address ?? ""),
            new(EventFormFields.VenuePostcode, "Postcode", e.Venue?.Postcode ?? ""),
            new(EventFormFields.OnlineJoiningInfo, "How to join online", e.Online?.JoiningInfo ?? ""),
            new(EventFormFields.Region, "Region", Vocabulary.NameOf(Vocabulary.Regions, e.Region)),
            new(EventFormFields.Topics, "Topics", string.Join(", ", e.Topics.Select(t => Vocabulary.NameOf(Vocabulary.Topics, t)))),
            new(EventFormFields.Cost, "Cost", e.Cost ?? ""),
            new(EventFormFields.BookingUrl, "Booking link", e.BookingUrl ?? ""),
            new(EventFormFields.LivedExperienceInvolvement, "How people with lived experience shaped this event", e.Coproduction.LivedExperienceInvolvement ?? ""),
            new(EventFormFields.ParticipantsPaid, "People with lived experience who take part are paid for their time", YesNo(e.Coproduction.ParticipantsPaid)),
            new(EventFormFields.ExpensesCovered, "Their expenses, like travel, are covered", YesNo(e.Coproduction.ExpensesCovered)),
            new("access", "Access", string.Join(", ", e.Access.Needs().Select(n => Vocabulary.NameOf(Vocabulary.AccessNeeds, n)))),
            new(EventFormFields.AccessNotes, "Anything else about access", e.Access.Notes ?? ""),
            new(EventFormFields.OrganiserName, "Organisation or group", e.Organiser.Name),
            new(EventFormFields.OrganiserWebsite, "Website", e.Organiser.Website ?? ""),
            new(EventFormFields.ContactName, "Your name", e.Contact.Name, Private: true),
            new(EventFormFields.ContactEmail, "Your email address", e.Contact.Email, Private: true),
        ];
    }

    /// <summary>What changed from <paramref name="before"/> to <paramref name="after"/>, field by field.</summary>
    public static IReadOnlyList<FieldChange> Changes(IReadOnlyList<ItemField> before, IReadOnlyList<ItemField> after)
    {
        var old = before.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var changes = new List<FieldChange>();
        foreach (var field in after)
        {
            var was = old.TryGetValue(field.Name, out var o) ? o.Value : "";
            if (!string.Equals(was, field.Value, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(field.Label, was, field.Value));
            }
        }
        changes.AddRange(before.Where(f => after.All(a => a.Name != f.Name) && f.Value.Length > 0).Select(f => new FieldChange(f.Label, f.Value, "")));
        return changes;
    }

    private static string YesNo(bool value) => value ? "Yes" : "No";

    private static string LanguageName(string language) => ListingLanguage.Of(language) switch
    {
        ListingLanguage.Welsh => "Welsh",
        ListingLanguage.Bilingual => "English and Welsh",
        _ => "English",
    };

    private async Task<string> WelshBodyAsync(WelshStoryText welsh, CancellationToken cancellationToken)
    {
        try
        {
            return await blobs.ReadBodyAsync(welsh.BodyBlob, cancellationToken);
        }
        catch (RequestFailedException missing) when (missing.Status == 404)
        {
            return "";
        }
    }
}
