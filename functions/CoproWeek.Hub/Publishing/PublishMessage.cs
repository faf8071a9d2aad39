namespace CoproWeek.Hub.Publishing;

/// <summary>The publish queue's message: put this version of an item on the site, or take it down.</summary>
/// <remarks><see cref="ManageUrl"/> is the private link the automatic checks' approval passes on, so the "live" email can repeat it; null when a moderator approved.</remarks>
public sealed record PublishMessage(string Id, int Version, bool Withdraw = false, string? ManageUrl = null);

/// <summary>The indexes queue's message: rebuild the shared lists, calendar and feeds from the table.</summary>
public sealed record RebuildMessage(DateTimeOffset Requested);
