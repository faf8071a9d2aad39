using System.Diagnostics;

namespace CoproWeek.Tests.Infrastructure;

/// <summary>Runs the self-host as a real process, the way a newcomer starts it, and collects what it prints.</summary>
public static class HostProcess
{
    /// <summary>How a test starts the self-host's own process: <c>dotnet CoproWeek.Host.dll</c> from the test output, in Development, its output captured.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CoproWeek.Host.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        return start;
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(Dictionary<string, string> environment, TimeSpan? timeout = null)
    {
        var start = StartInfo(["--urls", $"http://127.0.0.1:{CoproWeek.Host.DevStorage.Azurite.FreePort()}"]);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The host did not exit: " + await stdout + await stderr);
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
