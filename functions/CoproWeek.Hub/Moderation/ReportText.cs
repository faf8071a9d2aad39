namespace CoproWeek.Hub.Moderation;

/// <summary>The words of the public report form and its pages in Welsh and English: <c>ReportText.resx</c> and <c>ReportText.cy.resx</c> beside it.</summary>
public sealed class ReportText;
