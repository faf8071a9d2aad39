using System.Text.Json;
using System.Text.RegularExpressions;
using CoproWeek.Infra.Tests.Infrastructure;

namespace CoproWeek.Infra.Tests;

[Collection(InfraCollection.Name)]
public sealed partial class AzdProjectTests(CompiledInfra infra)
{
    private static string AzureYaml => File.ReadAllText(Path.Combine(BicepCli.RepoRoot, "azure.yaml"));

    [Fact]
    public void Azure_yaml_deploys_the_functions_project_as_a_function_app()
    {
        var yaml = AzureYaml;

        var project = ProjectLine().Match(yaml);
        Assert.True(project.Success, "azure.yaml names no service project.");
        Assert.Equal("./functions/CoproWeek.Functions", project.Groups[1].Value);
        Assert.True(File.Exists(Path.Combine(BicepCli.RepoRoot, "functions", "CoproWeek.Functions", "CoproWeek.Functions.csproj")));
        Assert.Matches(@"(?m)^\s+host:\s*function\s*$", yaml);
        Assert.Matches(@"(?m)^\s+language:\s*dotnet\s*$", yaml);
    }

    [Fact]
    public void The_postprovision_hook_runs_ensure_secrets_on_both_platforms_and_nothing_needs_a_storage_data_role()
    {
        var yaml = AzureYaml;
        var hook = yaml[yaml.IndexOf("postprovision:", StringComparison.Ordinal)..];

        Assert.Matches(@"posix:\s+shell:\s*sh\s+run:\s*\./infra/hooks/ensure-secrets\.sh\s", hook);
        Assert.Matches(@"windows:\s+shell:\s*pwsh\s+run:\s*\./infra/hooks/ensure-secrets\.ps1\s", hook);
        Assert.True(File.Exists(Path.Combine(BicepCli.RepoRoot, "infra", "hooks", "ensure-secrets.sh")));
        Assert.True(File.Exists(Path.Combine(BicepCli.RepoRoot, "infra", "hooks", "ensure-secrets.ps1")));
        // The static website is Bicep's now: no hook reaches the storage data plane.
        Assert.DoesNotContain("az storage", yaml, StringComparison.Ordinal);
        foreach (var output in new[] { "AZURE_RESOURCE_GROUP", "AZURE_KEY_VAULT_NAME", "AZURE_FUNCTION_APP_NAME" })
        {
            Assert.True(infra.Main.Json.GetProperty("outputs").TryGetProperty(output, out _), $"main.bicep must output {output}, which the hook uses.");
        }
    }

    [Fact]
    public void Required_parameters_have_no_default_and_every_parameter_is_described()
    {
        var parameters = infra.Main.Json.GetProperty("parameters").EnumerateObject().ToList();

        foreach (var required in new[] { "environmentName", "location", "sendGridFromEmail" })
        {
            Assert.False(infra.Main.ParameterDefinition(required).TryGetProperty("defaultValue", out _), $"{required} must have no default, so azd asks for it.");
        }
        Assert.All(infra.Main.AllTemplates, template =>
        {
            if (!template.Json.TryGetProperty("parameters", out var definitions))
            {
                return;
            }
            Assert.All(definitions.EnumerateObject(), p => Assert.True(
                p.Value.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty("description", out _),
                $"Parameter {p.Name} in {template.Path} has no @description."));
        });
        Assert.NotEmpty(parameters);
    }

    [Fact]
    public void The_parameters_file_names_only_parameters_main_bicep_has()
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(BicepCli.RepoRoot, "infra", "main.parameters.json")));
        var known = infra.Main.Json.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToHashSet();

        Assert.All(file.RootElement.GetProperty("parameters").EnumerateObject(), p => Assert.Contains(p.Name, known));
    }

    [GeneratedRegex(@"(?m)^\s+project:\s*(\S+)\s*$")]
    private static partial Regex ProjectLine();
}
