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
    public void A_postprovision_hook_switches_on_the_static_website_as_the_signed_in_operator()
    {
        var yaml = AzureYaml;
        var hook = yaml[yaml.IndexOf("postprovision:", StringComparison.Ordinal)..];

        foreach (var shell in new[] { "posix:", "windows:" })
        {
            var run = hook[hook.IndexOf(shell, StringComparison.Ordinal)..];
            Assert.Contains("az storage blob service-properties update", run, StringComparison.Ordinal);
            Assert.Contains("--static-website", run, StringComparison.Ordinal);
            Assert.Contains("--index-document index.html", run, StringComparison.Ordinal);
            Assert.Contains("--404-document 404.html", run, StringComparison.Ordinal);
            Assert.Contains("--auth-mode login", run, StringComparison.Ordinal);
            Assert.Contains("AZURE_STORAGE_ACCOUNT_NAME", run, StringComparison.Ordinal);
        }
        Assert.True(infra.Main.Json.GetProperty("outputs").TryGetProperty("AZURE_STORAGE_ACCOUNT_NAME", out _), "main.bicep must output the account name the hook uses.");
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
