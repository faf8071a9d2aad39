using CoproWeek.Infra.Tests.Infrastructure;

namespace CoproWeek.Infra.Tests;

[Collection(InfraCollection.Name)]
public sealed class BicepBuildTests(CompiledInfra infra)
{
    [Fact]
    public void Every_bicep_file_builds_with_no_errors_or_warnings()
    {
        Assert.Contains("infra/main.bicep", infra.BicepFiles);
        var problems = infra.BuildDiagnostics.Where(d => d.Level is "Error" or "Warning").Select(d => d.ToString()).ToList();
        Assert.True(problems.Count == 0, "bicep build reported:\n" + string.Join("\n", problems));
        Assert.True(infra.BuildExitCode == 0, "bicep build failed:\n" + infra.BuildOutput);
        Assert.Equal(infra.BicepFiles, infra.BuiltFiles);
    }

    [Fact]
    public void Every_bicep_file_passes_the_linter_with_no_errors_or_warnings()
    {
        var problems = infra.LintDiagnostics.Where(d => d.Level is "Error" or "Warning").Select(d => d.ToString()).ToList();
        Assert.True(problems.Count == 0, "bicep lint reported:\n" + string.Join("\n", problems));
        Assert.Equal(0, infra.LintExitCode);
    }
}
