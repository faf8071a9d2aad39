using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace CoproWeek.Infra.Tests.Infrastructure;

/// <summary>One problem the Bicep CLI reported, as <c>file(line,column) : Level code: message</c>.</summary>
public sealed record BicepDiagnostic(string File, int Line, int Column, string Level, string Code, string Message)
{
    public override string ToString() => $"{File}({Line},{Column}) {Level} {Code}: {Message}";
}

/// <summary>
/// The Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package, which the test project's
/// PackageDownload puts in the NuGet packages folder (the build passes that folder in as assembly metadata).
/// </summary>
public static partial class BicepCli
{
    private const string PackageId = "azure.bicep.commandline.linux-x64";

    public static string RepoRoot => Metadata("RepoRoot");

    public static string Path
    {
        get
        {
            if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
            {
                throw new PlatformNotSupportedException("These tests run the linux-x64 Bicep CLI, as our build machines and CI are.");
            }
            var path = System.IO.Path.Combine(Metadata("NuGetPackageRoot"), PackageId, Metadata("BicepCliVersion"), "tools", "bicep");
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"The Bicep CLI is not at {path}; run dotnet restore tests/CoproWeek.Infra.Tests.");
            }
            // NuGet does not always keep the executable bit when it extracts a package.
            var mode = File.GetUnixFileMode(path);
            if ((mode & UnixFileMode.UserExecute) == 0)
            {
                File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }
            return path;
        }
    }

    /// <summary>Runs <c>bicep</c> with the arguments in <paramref name="workingDirectory"/>; returns its exit code and its diagnostics.</summary>
    public static async Task<(int ExitCode, IReadOnlyList<BicepDiagnostic> Diagnostics, string Output)> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // No telemetry, and no reaching out for module registries: our modules are all local files.
        start.Environment["BICEP_TRACING_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The Bicep CLI did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout + await stderr;
        var diagnostics = DiagnosticLine().Matches(output)
            .Select(m => new BicepDiagnostic(
                System.IO.Path.GetRelativePath(workingDirectory, m.Groups["file"].Value),
                int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(m.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture),
                m.Groups["level"].Value,
                m.Groups["code"].Value,
                m.Groups["message"].Value.Trim()))
            .ToList();
        return (process.ExitCode, diagnostics, output);
    }

    private static string Metadata(string key) =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"The test assembly has no {key} metadata; see CoproWeek.Infra.Tests.csproj.");

    [GeneratedRegex(@"^(?<file>.+?\.bicep(?:param)?)\((?<line>\d+),(?<column>\d+)\) : (?<level>Error|Warning|Info) (?<code>[^:]+): (?<message>.*)$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();
}
