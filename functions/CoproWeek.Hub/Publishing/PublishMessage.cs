namespace CoproWeek.Hub.Publishing;

/// <summary>The publish queue's message: put this version of an item on the site, or take it down.</summary>
public sealed record PublishMessage(string Id, int Version, bool Withdraw = false);

/// <summary>The indexes queue's message: rebuild the shared lists, calendar and feeds from the table.</summary>
public sealed record RebuildMessage(DateTimeOffset Requested);
