using System.Text.Json;
using CoproWeek.Host.DevStorage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CoproWeek.Benchmarks;

/// <summary>A local stand-in for SendGrid's mail-send endpoint that counts requests and recipients and answers 202.</summary>
public sealed class BenchSendGrid : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _requests;
    private long _recipients;

    private BenchSendGrid(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }
    public long Requests => Interlocked.Read(ref _requests);
    public long Recipients => Interlocked.Read(ref _recipients);

    public void Reset()
    {
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _recipients, 0);
    }

    public static async Task<BenchSendGrid> StartAsync()
    {
        var url = $"http://127.0.0.1:{Azurite.FreePort()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new BenchSendGrid(app, url);
        app.MapPost("/v3/mail/send", async (HttpContext context) =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            Interlocked.Increment(ref fake._requests);
            Interlocked.Add(ref fake._recipients, body.RootElement.GetProperty("personalizations").GetArrayLength());
            context.Response.StatusCode = 202;
        });
        await app.StartAsync();
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
