using System.Collections.Concurrent;
using System.Resources;

namespace CoproWeek.Hub.Rendering;

/// <summary>
/// A resource string in a given language, for code outside a component (an email's subject, a validator's message,
/// a vocabulary name). It reads the same <c>.resx</c> pair the components read through <c>IStringLocalizer</c>: the
/// resource named after a marker type (<c>Site/SiteText.resx</c> for <c>SiteText</c>).
/// </summary>
public static class Localised
{
    private static readonly ConcurrentDictionary<Type, ResourceManager> Resources = new();

    /// <summary>The string, formatted with <paramref name="args"/> in the language's culture; the key itself if it is missing, so a gap shows rather than hides.</summary>
    public static string Get<TResource>(string key, Language language, params object?[] args)
    {
        var culture = language.Culture();
        var resources = Resources.GetOrAdd(typeof(TResource), t => new ResourceManager(t.FullName!, t.Assembly));
        var text = resources.GetString(key, culture) ?? key;
        return args.Length == 0 ? text : string.Format(culture, text, args);
    }
}

/// <summary>Keys of resource strings named by a list and an id (a region, a topic): built once, not on every lookup.</summary>
internal static class ResourceKeys
{
    private static readonly ConcurrentDictionary<(string, string), string> Keys = new();

    public static string Of(string list, string id) => Keys.GetOrAdd((list, id), k => $"{k.Item1}.{k.Item2}");
}
