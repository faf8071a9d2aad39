namespace CoproWeek.Hub.Events.Forms;

/// <summary>The event form's words and its pages' (submit, thanks): <c>EventFormText.resx</c> and <c>EventFormText.cy.resx</c>.</summary>
public sealed class EventFormText;
