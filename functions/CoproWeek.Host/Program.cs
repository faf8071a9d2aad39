using CoproWeek.Host;
using CoproWeek.Host.Cli;
using CoproWeek.Host.DevStorage;
using Microsoft.Extensions.Options;

if (args is ["moderators", ..])
{
    return await ModeratorsCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

try
{
    var app = HubApp.Build(HubApp.CreateBuilder(args));
    app.Lifetime.ApplicationStarted.Register(() =>
    {
        foreach (var url in app.Urls)
        {
            Console.WriteLine($"Co-production Week hub is running. Open {url}/ (submit an event at {url}/submit-event/, emails at {url}/dev/outbox). Press Ctrl+C to stop.");
        }
    });
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (StartupFailure(e) is { } reason)
{
    Console.Error.WriteLine($"The hub could not start: {reason}");
    return 1;
}

static string? StartupFailure(Exception e) => e switch
{
    StartupException s => s.Message,
    OptionsValidationException o => string.Join(" ", o.Failures),
    IOException io when io.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase) => $"{io.Message} Use --urls to pick another port.",
    AggregateException a when a.InnerExceptions.Count == 1 => StartupFailure(a.InnerException!),
    _ => null,
};

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
