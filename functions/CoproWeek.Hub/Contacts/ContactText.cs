namespace CoproWeek.Hub.Contacts;

/// <summary>The words of the contact confirmation pages in Welsh and English: <c>ContactText.resx</c> and <c>ContactText.cy.resx</c> beside it.</summary>
public sealed class ContactText;
