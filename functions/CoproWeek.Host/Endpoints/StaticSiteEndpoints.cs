using Azure;
using Azure.Storage.Blobs.Models;
using CoproWeek.Hub.Storage;
using Microsoft.Net.Http.Headers;

namespace CoproWeek.Host.Endpoints;

/// <summary>
/// Serves the public site from the <c>$web</c> container at <c>/</c>, as a storage account's static
/// website does in Azure: index documents, the content type stored with each blob, ETags and caching.
/// </summary>
public static class StaticSiteEndpoints
{
    public static IEndpointRouteBuilder MapStaticSite(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/{**path}", ["GET", "HEAD"], async (HttpContext context, HubStorage storage, string? path) =>
        {
            path = (path ?? "").TrimStart('/');
            var site = storage.Site;
            var name = path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path;
            if (await TryServeAsync(context, site.GetBlobClient(name), StatusCodes.Status200OK))
            {
                return;
            }
            if (!path.EndsWith('/') && path.Length > 0 && await site.GetBlobClient(path + "/index.html").ExistsAsync(context.RequestAborted))
            {
                context.Response.Redirect($"/{path}/{context.Request.QueryString}", permanent: true);
                return;
            }
            // A missing Welsh page is answered in Welsh (Azure's static website has one error page, the English one).
            if (!(path.StartsWith("cy/", StringComparison.Ordinal) && await TryServeAsync(context, site.GetBlobClient("cy/404.html"), StatusCodes.Status404NotFound))
                && !await TryServeAsync(context, site.GetBlobClient("404.html"), StatusCodes.Status404NotFound))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
            }
        }).WithOrder(int.MaxValue);
        return app;
    }

    private static async Task<bool> TryServeAsync(HttpContext context, Azure.Storage.Blobs.BlobClient blob, int status)
    {
        var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
        BlobDownloadStreamingResult download;
        try
        {
            var conditions = status == StatusCodes.Status200OK && ifNoneMatch.Length > 0 && ifNoneMatch != "*"
                ? new BlobRequestConditions { IfNoneMatch = new ETag(ifNoneMatch) }
                : null;
            var response = await blob.DownloadStreamingAsync(new BlobDownloadOptions { Conditions = conditions }, context.RequestAborted);
            if (response.GetRawResponse().Status == StatusCodes.Status304NotModified)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                context.Response.Headers.ETag = ifNoneMatch;
                return true;
            }
            download = response.Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
        catch (RequestFailedException e) when (e.Status == 304)
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            context.Response.Headers.ETag = ifNoneMatch;
            return true;
        }

        await using var content = download.Content;
        var details = download.Details;
        // A page the campaign team took down stays at its address to explain, as 410 Gone (see SiteWriter.WriteGoneAsync).
        context.Response.StatusCode = status == StatusCodes.Status200OK && details.Metadata.ContainsKey(Hub.Publishing.SiteWriter.GoneMetadata)
            ? StatusCodes.Status410Gone : status;
        context.Response.ContentType = details.ContentType ?? "application/octet-stream";
        context.Response.ContentLength = details.ContentLength;
        context.Response.Headers.ETag = details.ETag.ToString("H");
        context.Response.Headers.CacheControl = details.CacheControl ?? "public, max-age=60";
        context.Response.Headers[HeaderNames.LastModified] = details.LastModified.ToString("R");
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
        return true;
    }
}
