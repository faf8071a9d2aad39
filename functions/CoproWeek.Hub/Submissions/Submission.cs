using Azure;
using Azure.Data.Tables;

namespace CoproWeek.Hub.Submissions;

public enum SubmissionStatus
{
    /// <summary>Waiting for the automatic checks.</summary>
    Received,
    /// <summary>Waiting for a moderator.</summary>
    Held,
    ChangesRequested,
    /// <summary>Approved; the publisher is putting it on the site.</summary>
    Approved,
    Live,
    Rejected,
    Withdrawn,
    /// <summary>A bot filled the honeypot: answered like anyone else, then dropped.</summary>
    Discarded,
    /// <summary>Waiting for its contact to confirm their email address; nobody sees it, nothing is sent about it.</summary>
    AwaitingConfirmation,
    /// <summary>Was live until a moderator took it down; a moderator can restore it.</summary>
    TakenDown,
}

/// <summary>What an automatic check found, kept with the item for the organiser and the moderator.</summary>
public sealed record Finding(string Check, string Message);

/// <summary>
/// An event or a blog post as submitted, with its moderation state. Table <c>Submissions</c>, partition
/// and row key both the item id (a unique row key keeps point reads indexed in the storage emulator too). Every change increments <see cref="Version"/>; queue messages carry (id, version).
/// </summary>
public sealed record Submission : Storage.ITableRow<Submission>
{
    public required string Id { get; init; }
    public required string Kind { get; init; }
    public required string Slug { get; init; }
    public SubmissionStatus Status { get; init; }
    public int Version { get; init; }
    /// <summary>The item's details as JSON (for events an <see cref="Events.EventDetails"/>), contact included.</summary>
    public required string DetailsJson { get; init; }
    public required string ManageTokenHash { get; init; }
    public required string ContactEmail { get; init; }
    public DateTimeOffset Submitted { get; init; }
    public DateTimeOffset Updated { get; init; }
    public IReadOnlyList<Finding> Findings { get; init; } = [];
    /// <summary>The reason given with the latest decision, shown to the organiser.</summary>
    public string? Reason { get; init; }
    /// <summary>The moderator who made the latest decision, or null when the automatic checks made it.</summary>
    public string? DecidedBy { get; init; }
    public bool Honeypot { get; init; }
    /// <summary>
    /// The language of the form or request the item was sent with: every email about it (receipt, decisions, take-down)
    /// comes in it. Rows from before languages are English.
    /// </summary>
    public Language ReplyLanguage { get; init; } = Language.English;
    public ETag ETag { get; init; }

    public TableEntity ToEntity() => new(Id, Id)
    {
        ["Kind"] = Kind,
        ["Slug"] = Slug,
        ["Status"] = Status.ToString(),
        ["Version"] = Version,
        ["DetailsJson"] = DetailsJson,
        ["ManageTokenHash"] = ManageTokenHash,
        ["ContactEmail"] = ContactEmail,
        ["Submitted"] = Submitted,
        ["Updated"] = Updated,
        ["FindingsJson"] = Storage.HubJson.Serialize(Findings),
        ["Reason"] = Reason,
        ["DecidedBy"] = DecidedBy,
        ["Honeypot"] = Honeypot,
        ["ReplyLanguage"] = ReplyLanguage.Code(),
    };

    public static Submission FromEntity(TableEntity e) => new()
    {
        Id = e.PartitionKey,
        Kind = e.GetString("Kind"),
        Slug = e.GetString("Slug"),
        Status = Enum.Parse<SubmissionStatus>(e.GetString("Status")),
        Version = e.GetInt32("Version") ?? 0,
        DetailsJson = e.GetString("DetailsJson"),
        ManageTokenHash = e.GetString("ManageTokenHash"),
        ContactEmail = e.GetString("ContactEmail"),
        Submitted = e.GetDateTimeOffset("Submitted") ?? default,
        Updated = e.GetDateTimeOffset("Updated") ?? default,
        Findings = Storage.HubJson.Deserialize<List<Finding>>(e.GetString("FindingsJson") ?? "[]"),
        Reason = e.GetString("Reason"),
        DecidedBy = e.GetString("DecidedBy"),
        Honeypot = e.GetBoolean("Honeypot") ?? false,
        ReplyLanguage = Languages.Parse(e.GetString("ReplyLanguage")),
        ETag = e.ETag,
    };

    /// <summary>Whether the author withdrew the item, at exactly <paramref name="version"/>.</summary>
    public bool IsWithdrawnAt(int version) => Status == SubmissionStatus.Withdrawn && Version == version;

    /// <summary>Whether a moderator took the item down, at exactly <paramref name="version"/>.</summary>
    public bool IsTakenDownAt(int version) => Status == SubmissionStatus.TakenDown && Version == version;

    /// <summary>The version as an HTTP entity tag, for <c>ETag</c> and <c>If-Match</c>.</summary>
    public string EntityTag => $"\"v{Version}\"";
}

/// <summary>
/// The moderation queue's message: which item, at which version. A new submission's message also carries the
/// private manage link for the submitter's receipt (only its hash is stored, so the request is the one place that
/// knows it), so that taking a submission costs one row and one small message; the moderation handler builds the
/// receipt and puts it on the email queue before anything else (its fixed email id makes a retry harmless).
/// </summary>
public sealed record SubmissionMessage(string Id, int Version, string? ReceiptManageUrl = null);
