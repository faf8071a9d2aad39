namespace CoproWeek.Hub.Submissions;

/// <summary>The words of the private manage pages in Welsh and English: <c>ManageText.resx</c> and <c>ManageText.cy.resx</c> beside it.</summary>
public sealed class ManageText;
