using System.Net;
using System.Net.Sockets;
using System.Text;
using CoproWeek.Host;
using CoproWeek.Tests.Events;
using CoproWeek.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace CoproWeek.Tests.Safety;

/// <summary>Bodies that break the HTTP contract itself, sent over a real socket to the self-host's real web server.</summary>
public sealed class MalformedBodyTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    /// <summary>
    /// The self-host on a real socket, with the status of every finished request recorded as its web server logs it:
    /// a client that stops sending may never read its answer, but the status the hub chose is what counts.
    /// </summary>
    private async Task<(WebApplication App, int Port, FinishedRequests Finished)> StartAsync()
    {
        var port = Host.DevStorage.Azurite.FreePort();
        var builder = HubApp.CreateBuilder(
        [
            "--urls", $"http://127.0.0.1:{port}", "--environment", "Development",
            "--AzureWebJobsStorage", azurite.ConnectionString,
            "--Storage:Prefix", AzuriteFixture.NewPrefix(),
            "--Subscriptions:AddressHashKey", "test-address-hash-key-of-enough-length-0123",
            "--Logging:LogLevel:Default", "Warning",
            "--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics", "Information",
        ]);
        // A slow body is cut off after this grace period (Kestrel's default is 5 s).
        builder.WebHost.ConfigureKestrel(k => k.Limits.MinRequestBodyDataRate = new Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate(240, TimeSpan.FromSeconds(2)));
        var finished = new FinishedRequests();
        builder.Logging.AddProvider(finished);
        var app = HubApp.Build(builder);
        await app.StartAsync();
        return (app, port, finished);
    }

    /// <summary>Sends the head and the first part of a body, then either closes its side or stalls.</summary>
    private static async Task<TcpClient> SendPartAsync(int port, string path, int declaredLength, string part, bool closeAfter)
    {
        var socket = new TcpClient();
        await socket.ConnectAsync(IPAddress.Loopback, port);
        var head = $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {declaredLength}\r\n\r\n";
        await socket.GetStream().WriteAsync(Encoding.ASCII.GetBytes(head + part));
        if (closeAfter)
        {
            socket.Client.Shutdown(SocketShutdown.Send);
        }
        return socket;
    }

    [Fact]
    public async Task A_body_shorter_than_its_content_length_or_too_slow_is_a_4xx_on_every_kind_of_body_reader()
    {
        var (app, port, finished) = await StartAsync();
        var sockets = new List<TcpClient>();
        try
        {
            var paths = new[] { "/api/events", "/api/subscriptions", "/api/email-events", "/api/posts" };
            foreach (var path in paths)
            {
                sockets.Add(await SendPartAsync(port, path, 1000, "{\"title\":\"abc", closeAfter: true));
                sockets.Add(await SendPartAsync(port, path, 1000, "{\"ti", closeAfter: false));
            }

            var statuses = await Eventually.GetAsync(() => Task.FromResult(finished.Statuses.Count >= paths.Length * 2 ? finished.Statuses.ToList() : null),
                "every cut-off or stalled request to finish");
            Assert.All(statuses, s => Assert.True(s.Status is >= 400 and < 500, $"{s.Path}: {s.Status}"));
        }
        finally
        {
            sockets.ForEach(s => s.Dispose());
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("{\"title\":\"\\ud800\"}")]
    [InlineData("{\"title\":\"\\udc00 after\"}")]
    [InlineData("{\"contact\":{\"email\":\"a\\ud83d@example.org\"}}")]
    [InlineData("{\"title\\ud800\":\"x\"}")]
    public async Task Half_a_surrogate_pair_in_json_is_a_400_on_body_not_a_500(string json)
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var answer = await SampleEvent.SubmitAsync(client);
        var edit = SampleEvent.WithToken(HttpMethod.Put, $"/api/events/{answer.Id}", SampleEvent.Token(answer));
        edit.Content = new StringContent(json, Encoding.UTF8, "application/json");
        edit.Headers.IfMatch.ParseAdd("*");

        var submitted = await client.PostAsync("/api/events", new StringContent(json, Encoding.UTF8, "application/json"));
        var edited = await client.SendAsync(edit);
        var signUp = await client.PostAsync("/api/subscriptions", new StringContent(json.Replace("title", "email", StringComparison.Ordinal), Encoding.UTF8, "application/json"));

        foreach (var response in new[] { submitted, edited, signUp })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("surrogate", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Invalid_utf8_inside_a_json_string_is_a_400()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var bytes = Encoding.UTF8.GetBytes("{\"title\":\"caf\u00e9 X\"}");
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xC3; // a lead byte with no continuation

        var response = await client.PostAsync("/api/events", new ByteArrayContent(bytes) { Headers = { ContentType = new("application/json") } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("UTF-8", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Sign_ups_take_json_or_a_form_only_and_at_most_8_kib_read_without_buffering_past_it()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var json = "{\"email\":\"a@example.org\",\"frequency\":\"weekly\"}";

        var asText = await client.PostAsync("/api/subscriptions", new StringContent(json, Encoding.UTF8, "text/plain"));
        var huge = await client.PostAsync("/api/subscriptions", new StringContent("{\"email\":\"" + new string('a', 30 * 1024 * 1024) + "\"}", Encoding.UTF8, "application/json"));
        var wrongKinds = await client.PostAsync("/api/subscriptions", new StringContent("{\"email\":5,\"frequency\":[\"weekly\"],\"regions\":\"london\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, asText.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongKinds.StatusCode);
        var problem = await wrongKinds.Content.ReadAsStringAsync();
        Assert.Contains("\"email\"", problem);
        Assert.Contains("\"frequency\"", problem);
        Assert.Contains("\"regions\"", problem);
    }

    [Theory]
    [InlineData("Our \u202Eevent")]
    [InlineData("Line\u2028separator")]
    [InlineData("Paragraph\u2029separator")]
    [InlineData("Zero\u200Bwidth space")]
    [InlineData("Isolate \u2067here\u2069")]
    public async Task One_line_fields_refuse_bidi_overrides_separators_and_invisible_format_characters(string title)
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();

        var response = await client.PostAsync("/api/events", System.Net.Http.Json.JsonContent.Create(SampleEvent.Json(title: title)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"title\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Emoji_made_with_the_zero_width_joiner_stay_welcome_in_titles()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();

        var answer = await SampleEvent.SubmitAsync(client, SampleEvent.Json(title: "Family day 👨‍👩‍👧‍👦"));

        Assert.Equal("received", answer.Status);
    }

    [Fact]
    public async Task The_signed_email_events_webhook_takes_a_number_where_a_string_belongs_as_no_event()
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        await using var hub = new HubFactory(azurite, SignedEmailEvents.Trusting(key));
        using var client = hub.CreateClient();
        const string payload = """[{"event":5,"email":{"a":1}},{"event":"bounce","email":7},"text",{"event":"bounce","email":"\ud800@example.org"}]""";

        var response = await client.SendAsync(SignedEmailEvents.Request(key, payload, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The path and status of each request the web server reports finished ("Request finished ... - 400").</summary>
    private sealed class FinishedRequests : Microsoft.Extensions.Logging.ILoggerProvider, Microsoft.Extensions.Logging.ILogger
    {
        public System.Collections.Concurrent.ConcurrentQueue<(string Path, int Status)> Statuses { get; } = new();

        public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) =>
            categoryName == "Microsoft.AspNetCore.Hosting.Diagnostics" ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>> values
                && values.FirstOrDefault(v => v.Key == "StatusCode").Value is int status)
            {
                Statuses.Enqueue((values.FirstOrDefault(v => v.Key == "Path").Value?.ToString() ?? "", status));
            }
        }

        public void Dispose()
        {
        }
    }
}
