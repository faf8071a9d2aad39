using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using CoproWeek.Host.DevStorage;

namespace CoproWeek.Benchmarks;

/// <summary>
/// Picture bombs against the self-host run as its own process, as <c>dotnet run</c> runs it (server GC and all): 8 story
/// uploads at once, each with 3 PNGs of 10,000 x 4,000 px that are about 120 KB on disk and 160 MB decoded, while
/// <c>/api/health</c> is asked every 100 ms. Reports the host's peak working set (the kernel's high-water mark, so no
/// peak between samples is missed) and every health answer.
/// </summary>
public sealed class ImageBombBenchmark : IBenchmark
{
    private const int Width = 10_000;
    private const int Height = 4_000;

    public string Name => "image-bomb";
    public string Description => "8 concurrent story uploads of 3 PNGs of 10,000x4,000 px; host peak working set and /api/health throughout (args: uploads, rounds)";

    public async Task RunAsync(string[] args)
    {
        var uploads = args.Length > 0 ? int.Parse(args[0]) : 8;
        var rounds = args.Length > 1 ? int.Parse(args[1]) : 1;
        var pictures = new[] { (200, 60, 30), (30, 120, 200), (40, 160, 60) }.Select(c => SolidPng(Width, Height, c)).ToArray();

        await using var azurite = await BenchStorage.StartAsync();
        var url = $"http://127.0.0.1:{Azurite.FreePort()}";
        using var host = StartHost(url, azurite.ConnectionString);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };
            await WaitForHealthAsync(http, host);
            host.Refresh();
            var idleMb = host.WorkingSet64 / 1048576.0;
            var startPeakMb = host.PeakWorkingSet64 / 1048576.0;

            using var stop = new CancellationTokenSource();
            var health = PollHealthAsync(url, stop.Token);
            var statuses = new ConcurrentBag<int>();
            var latencies = new ConcurrentBag<double>();
            var clock = Stopwatch.StartNew();
            for (var round = 0; round < rounds; round++)
            {
                await Task.WhenAll(Enumerable.Range(0, uploads).Select(async n =>
                {
                    var started = Stopwatch.GetTimestamp();
                    using var response = await http.PostAsync("/api/posts", Story(round * uploads + n, pictures));
                    statuses.Add((int)response.StatusCode);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
                    if ((int)response.StatusCode >= 500)
                    {
                        Console.Error.WriteLine($"upload answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    }
                }));
            }
            var elapsed = clock.Elapsed;
            // Health is still asked for two more seconds: a host that falls over just after the burst counts too.
            await Task.Delay(TimeSpan.FromSeconds(2));
            await stop.CancelAsync();
            var answers = await health;
            host.Refresh();
            var peakMb = host.PeakWorkingSet64 / 1048576.0;
            var exited = host.HasExited;

            var sortedLatencies = latencies.Order().ToList();
            var healthOk = answers.Count(a => a.Status == 200);
            var healthSlowest = answers.Count == 0 ? double.NaN : answers.Max(a => a.Milliseconds);
            Report.Table($"image-bomb: {rounds} round(s) of {uploads} concurrent uploads, 3 PNGs of {Width:N0}x{Height:N0} px ({pictures[0].Length / 1024:N0} KB each) per upload, self-host as its own process on a fresh Azurite",
            [
                ("host working set when idle, MB", idleMb.ToString("N0")),
                ("host peak working set before the uploads, MB", startPeakMb.ToString("N0")),
                ("host peak working set, MB", $"{peakMb:N0} (goal: under 600)"),
                ("uploads answered, by status", string.Join(", ", statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Count()} x {g.Key}"))),
                ("upload time p50 / slowest, s", $"{Report.Percentile(sortedLatencies, 50):N1} / {sortedLatencies.LastOrDefault():N1}"),
                ("all uploads done in, s", elapsed.TotalSeconds.ToString("N1")),
                ("health checks answered 200", $"{healthOk} of {answers.Count} (goal: all)"),
                ("health checks otherwise", string.Join(", ", answers.Where(a => a.Status != 200).GroupBy(a => a.Status).Select(g => $"{g.Count()} x {(g.Key == 0 ? "no answer in 5 s" : g.Key.ToString())}")) is { Length: > 0 } other ? other : "none"),
                ("slowest health answer, ms", healthSlowest.ToString("N0")),
                ("host still running after", exited ? "NO: it exited with " + host.ExitCode : "yes"),
            ]);
        }
        finally
        {
            if (!host.HasExited)
            {
                host.Kill(entireProcessTree: true);
                await host.WaitForExitAsync();
            }
        }
    }

    private static Process StartHost(string url, string storage)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CoproWeek.Host.dll"));
        foreach (var setting in new[]
        {
            "--urls", url,
            "--contentRoot", Path.Combine(RepoRoot.Find() ?? ".", "functions", "CoproWeek.Host"),
            "--environment", "Development",
            "--AzureWebJobsStorage", storage,
            "--Storage:Prefix", "bomb" + Guid.NewGuid().ToString("N")[..6],
            "--Site:PublicUrl", url,
            "--Site:ApiUrl", url,
            "--Logging:LogLevel:Default", "Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning",
        })
        {
            start.ArgumentList.Add(setting);
        }
        var process = Process.Start(start)!;
        // Drain what it prints so a full pipe never blocks it; errors go to our stderr.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("host: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForHealthAsync(HttpClient http, Process host)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (host.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {host.ExitCode} before it answered.");
            }
            try
            {
                using var response = await http.GetAsync("/api/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("The host did not answer /api/health within 90 s.");
    }

    private static async Task<List<(int Status, double Milliseconds)>> PollHealthAsync(string url, CancellationToken stop)
    {
        var answers = new List<(int, double)>();
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
        while (!stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            int status;
            try
            {
                using var response = await http.GetAsync("/api/health", CancellationToken.None);
                status = (int)response.StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                status = 0;
            }
            answers.Add((status, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
            try
            {
                await Task.Delay(100, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }
        return answers;
    }

    private static MultipartFormDataContent Story(int n, byte[][] pictures)
    {
        var content = new MultipartFormDataContent($"bench-boundary-{n}");
        foreach (var (name, value) in new[]
        {
            ("title", $"Our big pictures, number {n}"),
            ("authorName", "Sam Example"),
            ("authorEmail", $"author{n}@example.org"),
            ("body", "We met every month for a year, and took some very large pictures."),
            ("consent", "true"),
        })
        {
            content.Add(new StringContent(value), name);
        }
        for (var i = 0; i < pictures.Length; i++)
        {
            var file = new ByteArrayContent(pictures[i]);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            content.Add(file, "images", $"big-{i + 1}.png");
        }
        for (var i = 0; i < pictures.Length; i++)
        {
            content.Add(new StringContent($"Picture {i + 1}: a wall painted one colour"), "imageAlt");
        }
        return content;
    }

    /// <summary>A real PNG of one colour: RGB, 8 bits, every row unfiltered, so it compresses a thousandfold.</summary>
    private static byte[] SolidPng(int width, int height, (int R, int G, int B) colour)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = 8;
        header[9] = 2;
        var data = new MemoryStream();
        using (var zlib = new ZLibStream(data, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[1 + width * 3];
            for (var i = 1; i < row.Length; i += 3)
            {
                (row[i], row[i + 1], row[i + 2]) = ((byte)colour.R, (byte)colour.G, (byte)colour.B);
            }
            for (var y = 0; y < height; y++)
            {
                zlib.Write(row);
            }
        }
        return [.. new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, .. Chunk("IHDR", header), .. Chunk("IDAT", data.ToArray()), .. Chunk("IEND", [])];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        var crc = 0xFFFFFFFFu;
        foreach (var b in chunk.AsSpan(4, 4 + data.Length))
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), crc ^ 0xFFFFFFFFu);
        return chunk;
    }
}
