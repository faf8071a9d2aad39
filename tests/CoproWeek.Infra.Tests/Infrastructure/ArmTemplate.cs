using System.Text.Json;
using System.Text.RegularExpressions;

namespace CoproWeek.Infra.Tests.Infrastructure;

/// <summary>One resource of a compiled template, with the template it sits in.</summary>
public sealed record ArmResource(JsonElement Json, ArmTemplate Template)
{
    public string Type => Json.GetProperty("type").GetString()!;
    public string Name => Json.TryGetProperty("name", out var name) ? name.GetString() ?? "" : "";
    public bool IsExisting => Json.TryGetProperty("existing", out var existing) && existing.GetBoolean();
    public JsonElement Properties => Json.GetProperty("properties");
    public override string ToString() => $"{Type} {Name} in {Template.Path}";
}

/// <summary>
/// A compiled ARM template. Bicep modules become nested deployments whose template sits inline, so
/// walking down from main.json reaches every resource azd would create, and the values each
/// module was called with (<see cref="Parameters"/>).
/// </summary>
public sealed partial record ArmTemplate(JsonElement Json, string Path, ArmTemplate? Parent, JsonElement? Parameters)
{
    /// <summary>This template's own resources. Symbolic-name templates (languageVersion 2.0) keep them in an object, others in an array.</summary>
    public IEnumerable<ArmResource> Resources
    {
        get
        {
            if (!Json.TryGetProperty("resources", out var resources))
            {
                yield break;
            }
            var items = resources.ValueKind == JsonValueKind.Object
                ? resources.EnumerateObject().Select(p => p.Value)
                : resources.EnumerateArray();
            foreach (var item in items)
            {
                yield return new ArmResource(item, this);
            }
        }
    }

    /// <summary>The templates of the modules this template calls, with the parameter values they get.</summary>
    public IEnumerable<ArmTemplate> Modules =>
        Resources
            .Where(r => r.Type == "Microsoft.Resources/deployments" && r.Properties.TryGetProperty("template", out _))
            .Select(r => new ArmTemplate(
                r.Properties.GetProperty("template"),
                $"{Path} > {r.Json.GetProperty("name").GetString()}",
                this,
                r.Properties.TryGetProperty("parameters", out var values) ? values : null));

    /// <summary>Every resource, in this template and in every module below it.</summary>
    public IEnumerable<ArmResource> AllResources => Resources.Concat(Modules.SelectMany(m => m.AllResources));

    /// <summary>Every template, this one and every module below it.</summary>
    public IEnumerable<ArmTemplate> AllTemplates => new[] { this }.Concat(Modules.SelectMany(m => m.AllTemplates));

    /// <summary>The value this module was called with for a parameter, as written in the caller (often an expression).</summary>
    public JsonElement? ParameterValue(string name) =>
        Parameters is { } values && values.TryGetProperty(name, out var parameter) && parameter.TryGetProperty("value", out var value)
            ? value
            : null;

    public JsonElement ParameterDefinition(string name) => Json.GetProperty("parameters").GetProperty(name);

    /// <summary>The module called <paramref name="name"/> (its deployment name) from this template.</summary>
    public ArmTemplate Module(string name) => Modules.Single(m => m.Path.EndsWith($" > {name}", StringComparison.Ordinal));

    /// <summary>
    /// A value as it arrives: a literal stays as it is; a bare <c>[parameters('x')]</c> becomes what the calling module passed
    /// for x (followed up the chain), or x's default when nothing was passed. Anything else (an expression) is null.
    /// </summary>
    public JsonElement? Resolve(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { } text || !text.StartsWith('['))
        {
            return value;
        }
        var parameter = ParameterReference().Match(text);
        if (!parameter.Success)
        {
            return null;
        }
        var name = parameter.Groups[1].Value;
        if (ParameterValue(name) is { } passed)
        {
            return Parent?.Resolve(passed);
        }
        return ParameterDefinition(name).TryGetProperty("defaultValue", out var fallback) ? Resolve(fallback) : null;
    }

    [GeneratedRegex(@"^\[parameters\('([^']+)'\)\]$")]
    private static partial Regex ParameterReference();
}
