using System.Collections.Concurrent;
using System.Text.Json;
using CoproWeek.Host.DevStorage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CoproWeek.Tests.Infrastructure;

/// <summary>
/// A stand-in for the SendGrid API on a local port (point <c>SendGrid:Host</c> at <see cref="Url"/>).
/// It records every mail-send request and answers with whatever the test scripts: 202 by default,
/// or 429 (with <c>X-RateLimit-Reset</c>), 5xx or 4xx for the next requests.
/// </summary>
public sealed class FakeSendGrid : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _script = new();

    private FakeSendGrid(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    /// <summary>Every request body received, in order, whatever it was answered.</summary>
    public ConcurrentQueue<JsonDocument> Requests { get; } = new();

    /// <summary>The bodies of requests answered 202.</summary>
    public ConcurrentQueue<JsonDocument> Accepted { get; } = new();

    /// <summary>Answers the next requests with these statuses, one each, then 202 again.</summary>
    public void ScriptResponses(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _script.Enqueue(status);
        }
    }

    /// <summary>When set, decides each request's status instead of the script (for random 429s and the like).</summary>
    public Func<int>? Decide { get; set; }

    /// <summary>How long each request takes to answer, like a real API across the internet.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public static async Task<FakeSendGrid> StartAsync()
    {
        var port = Azurite.FreePort();
        var url = $"http://127.0.0.1:{port}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSendGrid(app, url);
        app.MapPost("/v3/mail/send", async (HttpContext context) =>
        {
            var body = await JsonDocument.ParseAsync(context.Request.Body);
            fake.Requests.Enqueue(body);
            if (fake.Delay > TimeSpan.Zero)
            {
                await Task.Delay(fake.Delay);
            }
            var status = fake.Decide?.Invoke() ?? (fake._script.TryDequeue(out var scripted) ? scripted : 202);
            if (status == 429)
            {
                context.Response.Headers["X-RateLimit-Reset"] = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds().ToString();
            }
            if (status == 202)
            {
                fake.Accepted.Enqueue(body);
                context.Response.StatusCode = 202;
                return;
            }
            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(new { errors = new[] { new { message = $"scripted {status}" } } });
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
