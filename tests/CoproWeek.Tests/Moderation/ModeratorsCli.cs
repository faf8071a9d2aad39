using System.Diagnostics;

namespace CoproWeek.Tests.Moderation;

/// <summary>Runs the operator's command line (<c>CoproWeek.Host moderators ...</c>) as a real process.</summary>
public static class ModeratorsCli
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string[] args)
    {
        var start = Infrastructure.HostProcess.StartInfo(args);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
