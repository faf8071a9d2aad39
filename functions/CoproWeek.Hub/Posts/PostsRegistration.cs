using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Hub.Posts;

public static class PostsRegistration
{
    /// <summary>Stories end to end: submission with pictures, the author's manage link, and publishing (the page, the list, the feeds).</summary>
    public static IServiceCollection AddPosts(this IServiceCollection services, FunctionCatalog catalog)
    {
        services.AddOptions<PictureOptions>()
            .BindConfiguration(PictureOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<PictureDecodes>();
        services.AddSingleton<PostBlobs>();
        services.AddSingleton<Moderation.IPreviewRenderer, PostPreview>();
        services.AddSingleton<SubmitPost>();
        services.AddSingleton<ManagePost>();
        services.AddSingleton<ManagePostPage>();
        services.AddSingleton<PublishPost>();
        services.AddSingleton<PublishedBodies>();

        catalog
            .Http<SubmitPost>(Triggers.SubmitPost, (h, req, ct) => h.HandleAsync(req, ct))
            .Http<ManagePost>(Triggers.GetPost, (h, req, ct) => h.GetAsync(req, RouteId(req), ct))
            .Http<ManagePost>(Triggers.EditPost, (h, req, ct) => h.EditAsync(req, RouteId(req), ct))
            .Http<ManagePost>(Triggers.WithdrawPost, (h, req, ct) => h.WithdrawAsync(req, RouteId(req), ct))
            .Http<ManagePostPage>(Triggers.ShowManagePostPage, (h, req, ct) => h.ShowAsync(req, RouteId(req), ct))
            .Http<ManagePostPage>(Triggers.PostManagePostPage, (h, req, ct) => h.PostAsync(req, RouteId(req), ct))
            .Http<ManagePostPage>(Triggers.ShowManagePostPageCy, (h, req, ct) => h.ShowAsync(req, RouteId(req), ct))
            .Http<ManagePostPage>(Triggers.PostManagePostPageCy, (h, req, ct) => h.PostAsync(req, RouteId(req), ct));
        return services;
    }

    private static string RouteId(HttpRequest request) => request.RouteValues["id"]?.ToString() ?? "";
}
