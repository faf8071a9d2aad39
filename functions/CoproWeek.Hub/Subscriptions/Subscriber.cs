using Azure;
using Azure.Data.Tables;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Subscriptions;

/// <summary>Where a subscriber stands. Only <see cref="Active"/> subscribers are ever sent a digest.</summary>
public static class SubscriberStatus
{
    public const string Pending = "pending";
    public const string Active = "active";
    public const string Unsubscribed = "unsubscribed";
    public const string Suppressed = "suppressed";
}

/// <summary>Token purposes, so that a token for one job never does another.</summary>
public static class TokenPurposes
{
    public const string Confirm = "subscription-confirm";
    public const string Preferences = "subscription-preferences";
    public const string Unsubscribe = "subscription-unsubscribe";
}

/// <summary>The language a subscriber reads the hub's emails in: <c>en</c>, <c>cy</c>, or <c>both</c> (Welsh first, then English).</summary>
public static class SubscriberLanguage
{
    public const string English = "en";
    public const string Welsh = "cy";
    public const string Both = "both";

    public static readonly IReadOnlyList<string> All = [Welsh, English, Both];

    /// <summary>Whether a posted value is one of <see cref="All"/>.</summary>
    public static bool IsValid(string? value) => value is English or Welsh or Both;

    /// <summary>A stored or posted value as one of <see cref="All"/>; rows from before languages are English.</summary>
    public static string Of(string? value) => value is Welsh or Both ? value : English;

    /// <summary>The languages an email to this subscriber is written in, in the order they appear.</summary>
    public static IReadOnlyList<Language> Languages(string? value) => Of(value) switch
    {
        Welsh => [Hub.Language.Welsh],
        Both => [Hub.Language.Welsh, Hub.Language.English],
        _ => [Hub.Language.English],
    };
}

/// <summary>
/// A row of table <c>Subscribers</c>: partition and row key are both the keyed hash of the address (the
/// subscriber's id), so each subscriber is a partition of one and a point read is an indexed lookup in the
/// storage emulator as well as in Azure. Choices waiting for confirmation sit in the Pending* fields.
/// </summary>
public sealed record Subscriber : ITableRow<Subscriber>
{
    public required string Id { get; init; }

    public string Email { get; init; } = "";
    /// <summary>A <see cref="SubscriberStatus"/>.</summary>
    public string Status { get; init; } = SubscriberStatus.Pending;
    public string Frequency { get; init; } = "weekly";
    public string Regions { get; init; } = "";
    public string Topics { get; init; } = "";
    /// <summary>A <see cref="SubscriberLanguage"/>: the language of the digests and every email to this subscriber.</summary>
    public string Language { get; init; } = SubscriberLanguage.English;

    public string? PendingFrequency { get; init; }
    public string? PendingRegions { get; init; }
    public string? PendingTopics { get; init; }
    /// <summary>A <see cref="SubscriberLanguage"/> asked for by a sign-up that waits for its confirmation.</summary>
    public string? PendingLanguage { get; init; }

    /// <summary>The language of a confirmation email: the one the waiting sign-up asked for, else the subscriber's own.</summary>
    public string ConfirmationLanguage => PendingLanguage is { } pending ? SubscriberLanguage.Of(pending) : Language;

    public string? ConfirmHash { get; init; }
    public DateTimeOffset? ConfirmExpires { get; init; }
    public string? PreferencesHash { get; init; }
    /// <summary>The confirmation link this subscriber confirmed with, hashed as a preferences link: opened again, it opens their preferences.</summary>
    public string? ConfirmedLinkHash { get; init; }
    public DateTimeOffset? LastConfirmationSentAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ConfirmedAt { get; init; }
    public DateTimeOffset? ConsentAt { get; init; }
    public string? ConsentVersion { get; init; }
    public string? ConsentForm { get; init; }
    public DateTimeOffset? UnsubscribedAt { get; init; }

    public ETag ETag { get; init; }

    public IReadOnlyList<string> RegionList => Split(Regions);

    public IReadOnlyList<string> TopicList => Split(Topics);

    public TableEntity ToEntity() => new TableEntity(Id, Id).With(
        (nameof(Email), Email), (nameof(Status), Status), (nameof(Frequency), Frequency), (nameof(Regions), Regions), (nameof(Topics), Topics),
        (nameof(Language), Language), (nameof(PendingFrequency), PendingFrequency), (nameof(PendingRegions), PendingRegions), (nameof(PendingTopics), PendingTopics),
        (nameof(PendingLanguage), PendingLanguage),
        (nameof(ConfirmHash), ConfirmHash), (nameof(ConfirmExpires), ConfirmExpires), (nameof(PreferencesHash), PreferencesHash), (nameof(ConfirmedLinkHash), ConfirmedLinkHash),
        (nameof(LastConfirmationSentAt), LastConfirmationSentAt), (nameof(CreatedAt), CreatedAt), (nameof(ConfirmedAt), ConfirmedAt),
        (nameof(ConsentAt), ConsentAt), (nameof(ConsentVersion), ConsentVersion), (nameof(ConsentForm), ConsentForm),
        (nameof(UnsubscribedAt), UnsubscribedAt));

    public static Subscriber FromEntity(TableEntity e) => new()
    {
        Id = e.PartitionKey ?? "",
        Email = e.GetString(nameof(Email)) ?? "",
        Status = e.GetString(nameof(Status)) ?? SubscriberStatus.Pending,
        Frequency = e.GetString(nameof(Frequency)) ?? "weekly",
        Regions = e.GetString(nameof(Regions)) ?? "",
        Topics = e.GetString(nameof(Topics)) ?? "",
        Language = SubscriberLanguage.Of(e.GetString(nameof(Language))),
        PendingFrequency = e.GetString(nameof(PendingFrequency)),
        PendingRegions = e.GetString(nameof(PendingRegions)),
        PendingTopics = e.GetString(nameof(PendingTopics)),
        PendingLanguage = e.GetString(nameof(PendingLanguage)),
        ConfirmHash = e.GetString(nameof(ConfirmHash)),
        ConfirmExpires = e.GetDateTimeOffset(nameof(ConfirmExpires)),
        PreferencesHash = e.GetString(nameof(PreferencesHash)),
        ConfirmedLinkHash = e.GetString(nameof(ConfirmedLinkHash)),
        LastConfirmationSentAt = e.GetDateTimeOffset(nameof(LastConfirmationSentAt)),
        CreatedAt = e.GetDateTimeOffset(nameof(CreatedAt)) ?? default,
        ConfirmedAt = e.GetDateTimeOffset(nameof(ConfirmedAt)),
        ConsentAt = e.GetDateTimeOffset(nameof(ConsentAt)),
        ConsentVersion = e.GetString(nameof(ConsentVersion)),
        ConsentForm = e.GetString(nameof(ConsentForm)),
        UnsubscribedAt = e.GetDateTimeOffset(nameof(UnsubscribedAt)),
        ETag = e.ETag,
    };

    /// <summary>A merge that changes only the status (and when the emails stopped), whatever else changed meanwhile.</summary>
    public static TableEntity StatusChange(string id, string status, DateTimeOffset unsubscribedAt) =>
        new TableEntity(id, id).With((nameof(Status), status), (nameof(UnsubscribedAt), unsubscribedAt));

    /// <summary>A merge that changes only the confirmed choices.</summary>
    public static TableEntity ChoicesChange(string id, string frequency, string regions, string topics, string language) =>
        new TableEntity(id, id).With((nameof(Frequency), frequency), (nameof(Regions), regions), (nameof(Topics), topics), (nameof(Language), language));

    public static string Join(IEnumerable<string> values) => string.Join(',', values);

    public static IReadOnlyList<string> Split(string? values) =>
        string.IsNullOrEmpty(values) ? [] : values.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
