namespace CoproWeek.Hub.Search;

/// <summary>The search page's words (<c>Search/SearchText.resx</c>, Welsh in <c>SearchText.cy.resx</c>).</summary>
public sealed class SearchText;
