using CoproWeek.Host.DevStorage;
using CoproWeek.Hub;
using CoproWeek.Hub.Moderation;
using CoproWeek.Hub.Storage;
using Microsoft.Extensions.Options;

namespace CoproWeek.Host.Cli;

/// <summary>
/// The operator's command line for moderators: <c>moderators add "Name"</c> prints a new key once,
/// <c>moderators list</c>, <c>moderators revoke "Name"</c>. Runs against the storage the web host would use
/// (starting Azurite for development storage, as the web host does), then exits: 0, or 1 with one line saying why.
/// </summary>
public static class ModeratorsCommand
{
    public const string Usage = "Usage: moderators add \"Name\" | moderators list | moderators revoke \"Name\" (then any --Setting=value)";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var words = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var settings = args[words.Length..];
        if (words is not (["list"] or ["add", _] or ["revoke", _]))
        {
            await error.WriteLineAsync(Usage);
            return 1;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = settings });
        // The command says what happened in its own words; the storage SDK's chatter would bury the key.
        builder.Logging.ClearProviders();
        builder.Services.AddCoproWeek(builder.Configuration);
        builder.Services.AddSingleton<DevelopmentStorage>();
        await using var app = builder.Build();
        var storage = app.Services.GetRequiredService<DevelopmentStorage>();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await storage.StartAsync(timeout.Token);
            await app.Services.GetRequiredService<HubStorage>().EnsureCreatedAsync(timeout.Token);
            var moderators = app.Services.GetRequiredService<Moderators>();
            switch (words)
            {
                case ["add", var name]:
                    var key = await moderators.AddAsync(name, timeout.Token);
                    await output.WriteLineAsync($"Added moderator \"{name.Trim()}\". Their key is shown only now; give it to them privately:");
                    await output.WriteLineAsync(key);
                    break;
                case ["revoke", var name]:
                    await moderators.RevokeAsync(name, timeout.Token);
                    await output.WriteLineAsync($"Revoked \"{name.Trim()}\": their key and signed-in pages no longer work.");
                    break;
                default:
                    var list = await moderators.ListAsync(timeout.Token);
                    if (list.Count == 0)
                    {
                        await output.WriteLineAsync("There are no moderators yet. Add one with: moderators add \"Name\"");
                    }
                    foreach (var m in list)
                    {
                        await output.WriteLineAsync($"{m.Name}\tadded {m.Added:yyyy-MM-dd HH:mm} UTC\t{(m.Revoked is { } r ? $"revoked {r:yyyy-MM-dd HH:mm} UTC" : "active")}");
                    }
                    break;
            }
            return 0;
        }
        catch (Exception e) when (e is ModeratorException or StartupException or OptionsValidationException or Azure.RequestFailedException
            or OperationCanceledException or HttpRequestException or InvalidOperationException or AggregateException)
        {
            var message = e is OptionsValidationException o ? string.Join(" ", o.Failures) : e.GetBaseException().Message.Split('\n')[0].Trim();
            await error.WriteLineAsync($"moderators {words[0]} failed: {message}");
            return 1;
        }
        finally
        {
            await storage.DisposeAsync();
        }
    }
}
