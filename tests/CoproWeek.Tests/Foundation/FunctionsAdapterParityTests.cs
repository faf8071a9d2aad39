using System.Reflection;
using CoproWeek.Hub;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CoproWeek.Tests.Foundation;

/// <summary>
/// The Azure Functions adapter cannot be built here (its packages are not on our feed), so this reads its
/// source with Roslyn and checks it declares exactly the triggers in <see cref="Triggers.All"/>.
/// </summary>
public sealed class FunctionsAdapterParityTests
{
    private static readonly string SourceFolder = Path.Combine(AppContext.BaseDirectory, "FunctionsSource");

    private static IReadOnlyList<(string File, MethodDeclarationSyntax Method)> FunctionMethods() =>
        Directory.EnumerateFiles(SourceFolder, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot()
                .DescendantNodes().OfType<MethodDeclarationSyntax>()
                .Where(m => Attribute(m.AttributeLists, "Function") is not null)
                .Select(m => (Path.GetFileName(file), m)))
            .ToList();

    [Fact]
    public void The_adapter_declares_every_trigger_in_the_list_exactly_once_and_nothing_else()
    {
        var declared = FunctionMethods().Select(f => Describe(f.Method)).ToList();
        var expected = Triggers.All.Select(Describe).ToList();

        Assert.NotEmpty(declared);
        Assert.Equal(declared.Count, declared.Distinct().Count());
        Assert.Equal(expected.Order(), declared.Order());
    }

    [Fact]
    public void Each_function_is_a_thin_call_into_the_hub()
    {
        foreach (var (file, method) in FunctionMethods())
        {
            var statements = method.ExpressionBody is not null ? 1 : method.Body?.Statements.Count ?? 0;
            Assert.True(statements is >= 1 and <= 2, $"{file}: {method.Identifier} should be a line or two calling the Hub, not {statements} statements.");
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

    private static string Describe(TriggerDefinition trigger) => trigger switch
    {
        HttpTriggerDefinition h => $"{h.Name} http {string.Join(",", h.Methods.Select(m => m.ToUpperInvariant()).Order())} {h.Route}",
        QueueTriggerDefinition q => $"{q.Name} queue {q.Queue}",
        TimerTriggerDefinition t => $"{t.Name} timer {t.Schedule}",
        _ => throw new NotSupportedException(trigger.GetType().Name),
    };

    private static string Describe(MethodDeclarationSyntax method)
    {
        var name = Resolve(Attribute(method.AttributeLists, "Function")!.ArgumentList!.Arguments[0].Expression);
        foreach (var parameter in method.ParameterList.Parameters)
        {
            if (Attribute(parameter.AttributeLists, "HttpTrigger") is { } http)
            {
                var args = http.ArgumentList!.Arguments;
                var methods = args.Where(a => a.NameEquals is null && a.Expression is LiteralExpressionSyntax).Select(a => Resolve(a.Expression).ToUpperInvariant()).Order();
                var route = args.Single(a => a.NameEquals?.Name.Identifier.Text == "Route").Expression;
                return $"{name} http {string.Join(",", methods)} {Resolve(route)}";
            }
            if (Attribute(parameter.AttributeLists, "QueueTrigger") is { } queue)
            {
                return $"{name} queue {Resolve(queue.ArgumentList!.Arguments[0].Expression)}";
            }
            if (Attribute(parameter.AttributeLists, "TimerTrigger") is { } timer)
            {
                return $"{name} timer {Resolve(timer.ArgumentList!.Arguments[0].Expression)}";
            }
        }
        throw new InvalidOperationException($"{method.Identifier} has no trigger parameter.");
    }

    private static AttributeSyntax? Attribute(SyntaxList<AttributeListSyntax> lists, string name) =>
        lists.SelectMany(l => l.Attributes).FirstOrDefault(a => a.Name.ToString() is var n && (n == name || n == name + "Attribute"));

    /// <summary>A string literal, <c>nameof(Triggers.X)</c>, or a constant such as <c>Triggers.Queues.Email</c> read from the Hub.</summary>
    private static string Resolve(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case LiteralExpressionSyntax literal:
                return literal.Token.ValueText;
            case InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: "nameof" } } nameOf:
                return nameOf.ArgumentList.Arguments[0].Expression.ToString().Split('.')[^1];
            case MemberAccessExpressionSyntax member:
                var parts = member.ToString().Split('.');
                Assert.Equal(nameof(Triggers), parts[0]);
                var type = typeof(Triggers);
                foreach (var nested in parts[1..^1])
                {
                    type = type.GetNestedType(nested) ?? throw new InvalidOperationException($"No Triggers type {nested}");
                }
                var field = type.GetField(parts[^1], BindingFlags.Public | BindingFlags.Static) ?? throw new InvalidOperationException($"No constant {member}");
                return (string)field.GetRawConstantValue()!;
            default:
                throw new InvalidOperationException($"The adapter should name triggers from the Triggers class, not with '{expression}'.");
        }
    }
}
