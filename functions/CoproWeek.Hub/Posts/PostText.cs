namespace CoproWeek.Hub.Posts;

/// <summary>The words of the story pages (<c>Posts/PostText.resx</c> and its Welsh twin <c>PostText.cy.resx</c>).</summary>
public sealed class PostText;
