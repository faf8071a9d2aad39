using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace CoproWeek.BrowserTests.RealisticSite;

/// <summary>
/// The Nu HTML Checker (the W3C's validator, <c>vnu-jar</c> from npm, pinned in package.json), run once over a batch of
/// saved pages because the JVM is slow to start. Errors are problems; its warnings are problems too (each is a likely
/// mistake, such as a redundant role or a section without a heading); its plain information messages are not.
/// </summary>
public static class NuHtmlChecker
{
    public sealed record Message(string File, int Line, string Kind, string Text)
    {
        public override string ToString() => $"{File}:{Line}: {Kind}: {Text}";
    }

    public const string HowToInstallJava =
        "The Nu HTML checker needs Java, which was not found on PATH. Install a headless Java runtime " +
        "(Debian or Ubuntu: `sudo apt-get install default-jre-headless`; macOS: `brew install openjdk`), then run the tests again. CI installs it in .ci/run.";

    /// <summary>Checks the files and returns every error and warning, each with its file and line.</summary>
    public static async Task<IReadOnlyList<Message>> CheckAsync(IReadOnlyList<string> files)
    {
        var root = Host.DevStorage.RepoRoot.Find() ?? throw new InvalidOperationException("Run from inside the repository.");
        var jar = Path.Combine(root, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        if (!File.Exists(jar))
        {
            throw new InvalidOperationException($"The Nu HTML checker is not installed at {jar}: run `npm ci` in the repository's root.");
        }
        var start = new ProcessStartInfo("java")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-Xss4m", "-jar", jar, "--format", "json", "--stdout" }.Concat(files))
        {
            start.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException(HowToInstallJava);
        }
        catch (Win32Exception)
        {
            throw new InvalidOperationException(HowToInstallJava);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var json = await output;
            if (string.IsNullOrWhiteSpace(json))
            {
                throw new InvalidOperationException($"The Nu HTML checker gave no answer (exit code {process.ExitCode}): {await errors}");
            }
            return Read(json);
        }
    }

    // The checker reads every inline script as one the Content-Security-Policy blocks; the site's only inline scripts are
    // JSON-LD data blocks, which browsers never run, so the policy has nothing to block.
    private static bool IsAboutJsonLd(JsonNode message) =>
        message["message"]?.GetValue<string>()?.StartsWith("Inline script violates Content Security Policy", StringComparison.Ordinal) == true
        && message["extract"]?.GetValue<string>()?.Contains("<script type=\"application/ld+json\">", StringComparison.Ordinal) == true;

    private static List<Message> Read(string json)
    {
        var problems = new List<Message>();
        foreach (var message in JsonNode.Parse(json)?["messages"]?.AsArray() ?? [])
        {
            var type = message?["type"]?.GetValue<string>();
            var subType = message?["subType"]?.GetValue<string>();
            // "info" without a sub-type is only information (such as "Trailing slash on void elements has no effect").
            if (message is null || (type == "info" && subType != "warning") || IsAboutJsonLd(message))
            {
                continue;
            }
            var url = message["url"]?.GetValue<string>() ?? "";
            problems.Add(new Message(Path.GetFileName(url.Replace("file:", "", StringComparison.Ordinal)), message["lastLine"]?.GetValue<int>() ?? 0,
                type == "info" ? "warning" : type ?? "error", message["message"]?.GetValue<string>() ?? ""));
        }
        return problems;
    }
}
