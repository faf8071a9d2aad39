namespace CoproWeek.Hub.Site.Forms;

/// <summary>The words every form shares (the error summary, "(required)", the "Error:" prefix): <c>FormText.resx</c> and <c>FormText.cy.resx</c>.</summary>
public sealed class FormText;
