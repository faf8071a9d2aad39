using System.Diagnostics;
using System.Text;

namespace CoproWeek.Tests.Infrastructure;

/// <summary>
/// The self-host as a real, long-running process (as a second host on the same storage account would be), ready
/// once its health check answers. Disposing stops it; <see cref="Output"/> is what it printed so far.
/// </summary>
public sealed class RunningHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private RunningHost(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<RunningHost> StartAsync(Dictionary<string, string> environment, TimeSpan? timeout = null)
    {
        var url = $"http://127.0.0.1:{CoproWeek.Host.DevStorage.Azurite.FreePort()}";
        var start = HostProcess.StartInfo(["--urls", url]);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var host = new RunningHost(Process.Start(start)!, url);
        host._process.OutputDataReceived += (_, e) => host.Append(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            if (host._process.HasExited)
            {
                throw new InvalidOperationException("The host exited before it was ready: " + host.Output);
            }
            try
            {
                if ((await http.GetAsync(url + "/api/health")).IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            if (DateTime.UtcNow > deadline)
            {
                await host.DisposeAsync();
                throw new TimeoutException("The host did not become ready: " + host.Output);
            }
            await Task.Delay(200);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
