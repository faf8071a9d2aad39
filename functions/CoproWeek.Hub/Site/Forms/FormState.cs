namespace CoproWeek.Hub.Site.Forms;

/// <summary>
/// What a form's fields need to draw themselves: the values to show (as typed, or from the saved item), the errors by
/// field name, and which fields are marked "(required)". <see cref="PostForm"/> hands it to every field inside it.
/// </summary>
public sealed class FormState(EventFormValues values, FormErrors errors, IReadOnlySet<string>? required = null)
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    public EventFormValues Values { get; } = values;

    public FormErrors Errors { get; } = errors;

    public IReadOnlySet<string> Required { get; } = required ?? None;

    /// <summary>An empty form with no errors: <paramref name="fields"/> in order, top to bottom.</summary>
    public static FormState Empty(IEnumerable<string> fields, IReadOnlySet<string>? required = null) =>
        new(EventFormValues.Empty, new FormErrors(null, fields), required);

    public string Value(string name) => Values.Get(name);

    public bool IsChosen(string name, string value) => Values.IsChosen(name, value);

    public bool IsTicked(string name) => Values.Get(name) is "true" or "on";

    public bool HasError(string name) => Errors.Has(name);

    public bool IsRequired(string name) => Required.Contains(name);

    /// <summary>The ids of the hint and the error message, for <c>aria-describedby</c>; null when there are neither.</summary>
    public string? DescribedBy(string id, string name, bool hasHint)
    {
        var parts = new[] { hasHint ? id + "-hint" : null, HasError(name) ? id + "-error" : null }.Where(p => p is not null);
        var joined = string.Join(' ', parts);
        return joined.Length == 0 ? null : joined;
    }

    /// <summary>"true" on a field with an error (the attribute is left out otherwise).</summary>
    public string? Invalid(string name) => HasError(name) ? "true" : null;

    public string FieldClass(string name, string baseClass = "field") => HasError(name) ? baseClass + " field-error" : baseClass;
}
