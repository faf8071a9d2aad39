namespace CoproWeek.Hub.Site;

/// <summary>Pages with no data in them: <c>404.html</c> (the thanks page after an event is sent lives with the event form).</summary>
public static class PlainPages
{
    /// <summary>
    /// Served for any missing path (<c>404.html</c>, and <c>cy/404.html</c> for missing Welsh paths), so every link in it
    /// is absolute. Its language link goes to the other language's home page: the missing page has no twin to point to.
    /// </summary>
    public static string NotFound(SiteOptions options, Language language = Language.English) =>
        Rendering.ComponentRenderer.Shared.Render<NotFoundPage>(new Dictionary<string, object?>
        {
            [nameof(NotFoundPage.Options)] = options,
            [nameof(NotFoundPage.Language)] = language,
        }, language);
}
