namespace CoproWeek.Hub.Posts.Forms;

/// <summary>The story form's words and its pages' (submit, thanks): <c>StoryFormText.resx</c> and <c>StoryFormText.cy.resx</c>.</summary>
public sealed class StoryFormText;
