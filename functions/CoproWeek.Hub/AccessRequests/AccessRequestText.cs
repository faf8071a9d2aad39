namespace CoproWeek.Hub.AccessRequests;

/// <summary>The words of the access request pages in Welsh and English: <c>AccessRequestText.resx</c> and <c>AccessRequestText.cy.resx</c> beside it.</summary>
public sealed class AccessRequestText;
