using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;

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

/// <summary>
/// A row of table <c>Subscribers</c>: partition and row key are both the keyed hash of the address (the
/// subscriber's id), so each subscriber is a partition of one and a point read is an indexed lookup in the
/// storage emulator as well as in Azure. Choices waiting for confirmation sit in the Pending* fields.
/// </summary>
public sealed class Subscriber : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Email { get; set; } = "";
    public string Status { get; set; } = SubscriberStatus.Pending;
    public string Frequency { get; set; } = "weekly";
    public string Regions { get; set; } = "";
    public string Topics { get; set; } = "";

    public string? PendingFrequency { get; set; }
    public string? PendingRegions { get; set; }
    public string? PendingTopics { get; set; }

    public string? ConfirmHash { get; set; }
    public DateTimeOffset? ConfirmExpires { get; set; }
    public string? PreferencesHash { get; set; }
    /// <summary>The confirmation link this subscriber confirmed with, hashed as a preferences link: opened again, it opens their preferences.</summary>
    public string? ConfirmedLinkHash { get; set; }
    public DateTimeOffset? LastConfirmationSentAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public DateTimeOffset? ConsentAt { get; set; }
    public string? ConsentVersion { get; set; }
    public string? ConsentForm { get; set; }
    public DateTimeOffset? UnsubscribedAt { get; set; }

    [IgnoreDataMember]
    public string Id
    {
        get => PartitionKey;
        init => (PartitionKey, RowKey) = (value, value);
    }

    [IgnoreDataMember]
    public IReadOnlyList<string> RegionList => Split(Regions);

    [IgnoreDataMember]
    public IReadOnlyList<string> TopicList => Split(Topics);

    public static string Join(IEnumerable<string> values) => string.Join(',', values);

    public static IReadOnlyList<string> Split(string? values) =>
        string.IsNullOrEmpty(values) ? [] : values.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
