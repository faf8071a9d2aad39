using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using CoproWeek.Host.DevStorage;

namespace CoproWeek.Tests.Infrastructure;

/// <summary>
/// The self-host started exactly as the README says, <c>dotnet run --project functions/CoproWeek.Host</c>, so the
/// launch profile applies as it does for a newcomer. <c>--no-build</c> reuses the host the test project built.
/// </summary>
public sealed class DotnetRun : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private DotnetRun(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string Output => string.Join('\n', _output);

    /// <summary>Starts the host with these variables (null removes one the test runner has) and waits until it says it is running.</summary>
    public static async Task<DotnetRun> StartAsync(IReadOnlyDictionary<string, string?> environment, TimeSpan? timeout = null)
    {
        var root = RepoRoot.Find() ?? throw new InvalidOperationException("Cannot find the repository root.");
        var configuration = typeof(DotnetRun).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var address = new Uri($"http://127.0.0.1:{Azurite.FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        foreach (var arg in new[] { "run", "--project", "functions/CoproWeek.Host", "--no-build", "--configuration", configuration, "--", "--urls", address.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var name in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_URLS" })
        {
            start.Environment.Remove(name);
        }
        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        var process = Process.Start(start)!;
        var host = new DotnetRun(process, address);
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Collect(object _, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }
            host._output.Enqueue(e.Data);
            if (e.Data.Contains("hub is running", StringComparison.Ordinal))
            {
                running.TrySetResult();
            }
        }
        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync();
        var finished = await Task.WhenAny(running.Task, exited, Task.Delay(timeout ?? TimeSpan.FromSeconds(90)));
        if (finished != running.Task)
        {
            await host.DisposeAsync();
            throw new InvalidOperationException("The host did not start: " + host.Output);
        }
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
