namespace CoproWeek.Hub.Site;

/// <summary>Where the stories' files live in <c>$web</c> (blob names, no leading slash), beside <see cref="SitePaths"/>.</summary>
public static class PostPaths
{
    public const string Posts = "posts/index.html";
    public const string RssFeed = "feed.xml";
    public const string AtomFeed = "atom.xml";
    public const string SubmitPost = "submit-post/index.html";
    public const string SubmitPostThanks = "submit-post/thanks/index.html";
    /// <summary>The folder holding every list page after the first: <c>posts/page/2/index.html</c> and on.</summary>
    public const string PagesFolder = "posts/page/";

    /// <summary>The list page with this number, counting from 1: the first is <c>posts/index.html</c>.</summary>
    public static string ListPage(int number) => number <= 1 ? Posts : $"{PagesFolder}{number}/index.html";

    /// <summary><c>posts/{slug}/</c>: the folder holding a story's page and pictures.</summary>
    public static string Folder(string slug) => $"posts/{Uri.EscapeDataString(slug)}/";

    public static string Page(string slug) => Folder(slug) + "index.html";

    /// <summary><c>posts/{slug}/image-1.jpg</c>, counting from 1.</summary>
    public static string Image(string slug, int number, string extension) => $"{Folder(slug)}image-{number}{extension}";

    /// <summary><c>posts/{slug}/image-1-480w.webp</c>: one size of a picture (see <see cref="Posts.PictureSizes"/>).</summary>
    public static string ImageSize(string slug, int number, int width, string extension) => $"{Folder(slug)}image-{number}-{width}w{extension}";
}
