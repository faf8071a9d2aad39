using CoproWeek.Hub.Publishing;

namespace CoproWeek.Hub.Digests;

/// <summary>Which items a subscriber hears about. Empty choices mean everything.</summary>
public static class DigestMatching
{
    /// <summary>
    /// Region: posts (no region) and UK-wide events go to everyone; other events to those who chose their region.
    /// Topic: an item matches if it shares a topic with the subscriber's choices.
    /// </summary>
    public static bool Matches(PublishedItem item, IReadOnlyList<string> regions, IReadOnlyList<string> topics) =>
        (regions.Count == 0 || item.Region.Length == 0 || item.Region == "uk-wide" || regions.Contains(item.Region))
        && (topics.Count == 0 || item.Topics.Any(topics.Contains));
}
