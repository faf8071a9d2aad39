namespace CoproWeek.Hub.Supporters;

/// <summary>The words of the supporters pages in Welsh and English: <c>SupporterText.resx</c> and <c>SupporterText.cy.resx</c> beside it.</summary>
public sealed class SupporterText;
