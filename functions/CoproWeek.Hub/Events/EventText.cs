namespace CoproWeek.Hub.Events;

/// <summary>
/// The words of the event pages, lists and home page: <c>EventText.resx</c> in English, <c>EventText.cy.resx</c> in Welsh.
/// </summary>
public sealed class EventText;
