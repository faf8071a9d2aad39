using System.ComponentModel.DataAnnotations;

namespace CoproWeek.Hub.Digests;

/// <summary>How digests are batched and retried.</summary>
public sealed class DigestOptions
{
    public const string Section = "Digests";

    /// <summary>Subscribers per batch: one SendGrid request each. SendGrid takes at most 1,000 personalizations.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 1000;

    /// <summary>SendGrid calls per delivery of a batch message before it goes back to the queue.</summary>
    [Range(1, 20)]
    public int SendAttempts { get; set; } = 4;

    /// <summary>Deliveries of one batch message before it is given up and put on <c>digest-poison</c> with its error.</summary>
    [Range(1, 50)]
    public int MaxBatchAttempts { get; set; } = 5;

    /// <summary>The first back-off after a SendGrid 5xx; it doubles each time.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The <c>List-Id</c> header of every digest.</summary>
    [Required]
    public string ListId { get; set; } = "Co-production Week news <news.coproductionweek.example>";

    /// <summary>The mailbox in the mailto part of <c>List-Unsubscribe</c>.</summary>
    [EmailAddress]
    public string UnsubscribeMailbox { get; set; } = "unsubscribe@coproductionweek.example";
}

/// <summary>The message on the digest queue: one batch of one run.</summary>
public sealed record DigestBatchMessage(string RunId, string Frequency, int Batch);
