namespace CoproWeek.Hub.Site;

/// <summary>The words of the site's RSS and Atom feeds (<c>Site/FeedText.resx</c>, Welsh in <c>FeedText.cy.resx</c>).</summary>
public sealed class FeedText;
