using System.Reflection;
using System.Text.Json;
using CoproWeek.Hub;
using CoproWeek.Hub.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Tests.Foundation;

/// <summary>
/// The Azure Functions adapter is built with every build of the solution. Its build emits
/// <c>functions.metadata</c>, the list the Functions host loads; these tests hold that list to
/// <see cref="Triggers.All"/>, and each function's call to the Hub method the self-host calls for it.
/// </summary>
public sealed class FunctionsAdapterParityTests
{
    private static readonly string SourceFolder = Path.Combine(AppContext.BaseDirectory, "FunctionsSource");

    private static string MetadataPath =>
        typeof(FunctionsAdapterParityTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "FunctionsMetadata").Value!;

    private sealed record GeneratedFunction(string Name, string EntryPoint, string Trigger);

    private static IReadOnlyList<GeneratedFunction> Generated()
    {
        Assert.True(File.Exists(MetadataPath), $"The Functions adapter's build should have written {MetadataPath}.");
        using var metadata = JsonDocument.Parse(File.ReadAllText(MetadataPath));
        return metadata.RootElement.EnumerateArray().Select(f =>
        {
            var name = f.GetProperty("name").GetString()!;
            var trigger = f.GetProperty("bindings").EnumerateArray()
                .Single(b => b.GetProperty("direction").GetString() == "In" && b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            var description = trigger.GetProperty("type").GetString() switch
            {
                "httpTrigger" => $"{name} http {string.Join(",", trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).Order())} {trigger.GetProperty("route").GetString()}",
                "queueTrigger" => $"{name} queue {trigger.GetProperty("queueName").GetString()}",
                "timerTrigger" => $"{name} timer {trigger.GetProperty("schedule").GetString()}",
                var other => throw new InvalidOperationException($"{name} has a trigger of type {other}."),
            };
            return new GeneratedFunction(name, f.GetProperty("entryPoint").GetString()!, description);
        }).ToList();
    }

    [Fact]
    public void The_generated_metadata_declares_every_trigger_in_the_list_exactly_once_and_nothing_else()
    {
        var declared = Generated().Select(f => f.Trigger).ToList();
        var expected = Triggers.All.Select(Describe).ToList();

        Assert.Equal(Triggers.All.Count, declared.Count);
        Assert.Equal(declared.Count, declared.Distinct().Count());
        Assert.Equal(expected.Order(), declared.Order());
    }

    [Fact]
    public void Each_function_calls_the_hub_method_the_self_host_calls_for_it()
    {
        var catalog = new ServiceCollection()
            .AddCoproWeek(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" }).Build())
            .BuildServiceProvider()
            .GetRequiredService<FunctionCatalog>();
        var classes = SourceClasses();

        foreach (var function in Generated())
        {
            var typeName = function.EntryPoint[..function.EntryPoint.LastIndexOf('.')].Split('.')[^1];
            var methodName = function.EntryPoint[(function.EntryPoint.LastIndexOf('.') + 1)..];
            var type = classes[typeName];
            var method = type.Members.OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == methodName);
            var call = (method.ExpressionBody?.Expression ?? method.Body!.Statements.OfType<ReturnStatementSyntax>().Single().Expression) as InvocationExpressionSyntax;
            var target = call?.Expression as MemberAccessExpressionSyntax;
            Assert.True(target is not null, $"{function.Name} should call one Hub method.");
            var field = target.Expression.ToString();
            var handlerType = type.ParameterList!.Parameters.Single(p => p.Identifier.Text == field).Type!.ToString().Split('.')[^1];

            var bound = catalog.BindingOf(function.Name);
            Assert.Equal($"{function.Name}: {bound.Handler.Name}.{bound.Method}", $"{function.Name}: {handlerType}.{target.Name.Identifier.Text}");
        }
    }

    [Fact]
    public void Each_function_is_a_thin_call_into_the_hub()
    {
        foreach (var method in SourceClasses().Values.SelectMany(c => c.Members.OfType<MethodDeclarationSyntax>()))
        {
            var statements = method.ExpressionBody is not null ? 1 : method.Body?.Statements.Count ?? 0;
            Assert.True(statements is >= 1 and <= 2, $"{method.Identifier} should be a line or two calling the Hub, not {statements} statements.");
        }
    }

    [Fact]
    public void The_adapter_uses_the_worker_entry_point_and_registers_the_hub()
    {
        var program = File.ReadAllText(Path.Combine(SourceFolder, "Program.cs"));

        Assert.Contains("FunctionsApplication.CreateBuilder(args)", program);
        Assert.Contains("ConfigureFunctionsWebApplication()", program);
        Assert.Contains("AddCoproWeek(builder.Configuration)", program);
    }

    private static Dictionary<string, ClassDeclarationSyntax> SourceClasses() =>
        Directory.EnumerateFiles(SourceFolder, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
            .Where(c => c.Members.OfType<MethodDeclarationSyntax>().Any(m => m.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString() is "Function" or "FunctionAttribute")))
            .ToDictionary(c => c.Identifier.Text);

    private static string Describe(TriggerDefinition trigger) => trigger switch
    {
        HttpTriggerDefinition h => $"{h.Name} http {string.Join(",", h.Methods.Select(m => m.ToUpperInvariant()).Order())} {h.Route}",
        QueueTriggerDefinition q => $"{q.Name} queue {q.Queue}",
        TimerTriggerDefinition t => $"{t.Name} timer {t.Schedule}",
        _ => throw new NotSupportedException(trigger.GetType().Name),
    };
}
