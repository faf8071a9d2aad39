using System.Text.Json;

namespace CoproWeek.Infra.Tests.Infrastructure;

/// <summary>
/// Builds and lints every .bicep file under infra/ once for the whole run. It works on a copy, so the
/// ARM JSON that <c>bicep build</c> writes beside each file never lands in the repository.
/// </summary>
public sealed class CompiledInfra : IAsyncLifetime
{
    private string _workDirectory = "";

    public string InfraDirectory { get; } = Path.Combine(BicepCli.RepoRoot, "infra");

    public IReadOnlyList<string> BicepFiles { get; private set; } = [];
    public int BuildExitCode { get; private set; }
    public int LintExitCode { get; private set; }
    public string BuildOutput { get; private set; } = "";
    public IReadOnlyList<BicepDiagnostic> BuildDiagnostics { get; private set; } = [];
    public IReadOnlyList<BicepDiagnostic> LintDiagnostics { get; private set; } = [];

    /// <summary>The .bicep files (relative to the repository) that <c>bicep build</c> turned into ARM JSON.</summary>
    public IReadOnlyList<string> BuiltFiles { get; private set; } = [];

    /// <summary>The compiled main.bicep, with every module's template nested inside it.</summary>
    public ArmTemplate Main => _main ?? throw new InvalidOperationException("main.bicep did not build:\n" + BuildOutput);

    private ArmTemplate? _main;

    public async Task InitializeAsync()
    {
        _workDirectory = Directory.CreateTempSubdirectory("coproweek-infra-").FullName;
        var copy = Path.Combine(_workDirectory, "infra");
        foreach (var file in Directory.EnumerateFiles(InfraDirectory, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(InfraDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        BicepFiles = Directory.EnumerateFiles(InfraDirectory, "*.bicep", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(BicepCli.RepoRoot, f))
            .Order(StringComparer.Ordinal)
            .ToList();

        // One process each for all files: the CLI takes a couple of seconds to start.
        var build = BicepCli.RunAsync(_workDirectory, "build", "--pattern", "infra/**/*.bicep");
        var lint = BicepCli.RunAsync(_workDirectory, "lint", "--pattern", "infra/**/*.bicep");
        (BuildExitCode, BuildDiagnostics, BuildOutput) = await build;
        (LintExitCode, LintDiagnostics, _) = await lint;

        BuiltFiles = BicepFiles
            .Where(f => File.Exists(Path.Combine(_workDirectory, Path.ChangeExtension(f, ".json"))))
            .ToList();

        var main = Path.Combine(copy, "main.json");
        if (File.Exists(main))
        {
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(main));
            _main = new ArmTemplate(document.RootElement.Clone(), "main.bicep", Parent: null, Parameters: null);
        }
    }

    public Task DisposeAsync()
    {
        if (_workDirectory.Length > 0)
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class InfraCollection : ICollectionFixture<CompiledInfra>
{
    public const string Name = "Compiled infra";
}
