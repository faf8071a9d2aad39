using System.ComponentModel.DataAnnotations;

namespace CoproWeek.Hub.AccessRequests;

/// <summary>How many access requests one event may get a day. 0 switches the ceiling off.</summary>
public sealed class AccessRequestOptions
{
    public const string Section = "AccessRequests";

    /// <summary>Far above what an honest audience sends in a day; it stops a flood of mail to one organiser.</summary>
    [Range(0, 40_000)]
    public int PerEventPerDay { get; set; } = 50;

    /// <summary>
    /// How long the two emails may wait on the email queue before they expire unsent. The request lives only in those
    /// messages, so it is kept short; SendGrid retries and outages shorter than this still deliver.
    /// </summary>
    [Range(typeof(TimeSpan), "00:05:00", "2.00:00:00")]
    public TimeSpan QueueTimeToLive { get; set; } = TimeSpan.FromDays(1);
}
