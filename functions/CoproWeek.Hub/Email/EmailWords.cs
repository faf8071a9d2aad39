using CoproWeek.Hub.Rendering;

namespace CoproWeek.Hub.Email;

/// <summary>The emails' words in the reader's language, and the pieces several emails share (greetings, what a thing is called, links).</summary>
public static class EmailWords
{
    /// <summary>A string of <c>EmailText.resx</c> in <paramref name="language"/>.</summary>
    public static string Get(string key, Language language, params object?[] args) => Localised.Get<EmailText>(key, language, args);

    /// <summary>"Hello Sam," or "Hello," when there is no name.</summary>
    public static string Greeting(string? name, Language language) =>
        string.IsNullOrWhiteSpace(name) ? Get("Greeting.Plain", language) : Get("Greeting.Named", language, name);

    /// <summary>What an item of this kind is called after "your": "event", "story", "pledge of support".</summary>
    public static string Thing(string kind, Language language) =>
        Get(kind is "post" or Supporters.SubmitSupporter.Kind ? "Thing." + kind : "Thing.event", language);

    /// <summary>
    /// A hub address in the reader's language: a page of the public site or a function's page, with <c>cy/</c> after its
    /// base in Welsh (<c>{api}/cy/events/{id}/manage</c>, <c>{public}/cy/events/slug/</c>), as both hosts route them.
    /// Any other address is left as it is.
    /// </summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(url))]
    public static string? Link(SiteOptions site, string? url, Language language)
    {
        if (url is null || language != Language.Welsh)
        {
            return url;
        }
        foreach (var root in new[] { site.Api(""), site.Public("") })
        {
            if (url.StartsWith(root, StringComparison.Ordinal) && !url[root.Length..].StartsWith("cy/", StringComparison.Ordinal))
            {
                return root + language.Localise(url[root.Length..]);
            }
        }
        return url;
    }
}
