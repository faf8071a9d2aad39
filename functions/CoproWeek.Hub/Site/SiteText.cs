namespace CoproWeek.Hub.Site;

/// <summary>
/// The words of the layout every public page shares (header, navigation, footer): <c>SiteText.resx</c> in English,
/// <c>SiteText.cy.resx</c> in Welsh. Each feature keeps its own pair beside its pages.
/// </summary>
public sealed class SiteText;
