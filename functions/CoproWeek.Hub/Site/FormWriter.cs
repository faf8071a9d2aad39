using System.Text;

namespace CoproWeek.Hub.Site;

/// <summary>
/// Writes form fields the GOV.UK way: a label for every input, a hint and any error joined to it by
/// <c>aria-describedby</c>, <c>aria-invalid</c> on a field with an error, and groups in fieldsets with legends.
/// Values shown back are always HTML-encoded.
/// </summary>
internal sealed class FormWriter(StringBuilder html, EventFormValues values, FormErrors errors, IReadOnlySet<string>? required = null)
{
    public void Text(string name, string label, string? hint, string type = "text", string? autocomplete = null, string? spellcheck = null)
    {
        var id = EventFormFields.Id(name);
        StartField(name);
        Label(id, name, label);
        var describedBy = HintAndError(id, name, hint);
        html.Append("<input type=\"").Append(type).Append("\" id=\"").Append(id).Append("\" name=\"").Text(name).Append("\" value=\"").Text(values.Get(name)).Append('"');
        Attributes(name, describedBy, autocomplete, spellcheck);
        html.Append(">\n</div>\n");
    }

    public void TextArea(string name, string label, string? hint, int rows)
    {
        var id = EventFormFields.Id(name);
        StartField(name);
        Label(id, name, label);
        var describedBy = HintAndError(id, name, hint);
        html.Append("<textarea id=\"").Append(id).Append("\" name=\"").Text(name).Append("\" rows=\"").Append(rows).Append('"');
        Attributes(name, describedBy, null, null);
        // A newline straight after <textarea> is dropped by parsers, so one is written to keep a value's own first line break.
        html.Append(">\n").Text(values.Get(name)).Append("</textarea>\n</div>\n");
    }

    public void Select(string name, string label, string? hint, IReadOnlyList<Term> terms, string prompt)
    {
        var id = EventFormFields.Id(name);
        StartField(name);
        Label(id, name, label);
        var describedBy = HintAndError(id, name, hint);
        html.Append("<select id=\"").Append(id).Append("\" name=\"").Text(name).Append('"');
        Attributes(name, describedBy, null, null);
        html.Append(">\n<option value=\"\">").Text(prompt).Append("</option>\n");
        foreach (var term in terms)
        {
            html.Append("<option value=\"").Text(term.Id).Append('"').Append(values.IsChosen(name, term.Id) ? " selected" : "").Append('>')
                .Text(term.Name).Append("</option>\n");
        }
        html.Append("</select>\n</div>\n");
    }

    /// <summary>Radios (one choice) or checkboxes sharing one name (several choices, the name repeated in the post).</summary>
    public void Choices(string name, string legend, string? hint, IReadOnlyList<Term> terms, bool multiple)
    {
        var id = EventFormFields.Id(name);
        var groupId = id + "-group";
        html.Append("<div class=\"field").Append(errors.Has(name) ? " field-error" : "").Append("\">\n<fieldset");
        var describedBy = Described(groupId, name, hint);
        if (describedBy.Length > 0)
        {
            html.Append(" aria-describedby=\"").Append(describedBy).Append('"');
        }
        html.Append(">\n<legend>").Text(legend).Append(Required(name)).Append("</legend>\n");
        HintAndErrorText(groupId, name, hint);
        for (var i = 0; i < terms.Count; i++)
        {
            var term = terms[i];
            // The first choice carries the field's id, so the error summary's link lands on the group.
            var choiceId = i == 0 ? id : $"{id}-{term.Id}";
            html.Append("<div class=\"choice\">\n<input type=\"").Append(multiple ? "checkbox" : "radio").Append("\" id=\"").Append(choiceId)
                .Append("\" name=\"").Text(name).Append("\" value=\"").Text(term.Id).Append('"')
                .Append(values.IsChosen(name, term.Id) ? " checked" : "").Append(">\n<label for=\"").Append(choiceId).Append("\">")
                .Text(term.Name).Append("</label>\n</div>\n");
        }
        html.Append("</fieldset>\n</div>\n");
    }

    /// <summary>A single yes/no checkbox posting "true" when ticked.</summary>
    public void Checkbox(string name, string label, string? hint = null)
    {
        var id = EventFormFields.Id(name);
        html.Append("<div class=\"choice").Append(errors.Has(name) ? " field-error" : "").Append("\">\n");
        html.Append("<input type=\"checkbox\" id=\"").Append(id).Append("\" name=\"").Text(name).Append("\" value=\"true\"")
            .Append(values.Get(name) is "true" or "on" ? " checked" : "");
        var describedBy = Described(id, name, hint);
        if (describedBy.Length > 0)
        {
            html.Append(" aria-describedby=\"").Append(describedBy).Append('"');
        }
        if (errors.Has(name))
        {
            html.Append(" aria-invalid=\"true\"");
        }
        html.Append(">\n<label for=\"").Append(id).Append("\">").Text(label).Append("</label>\n</div>\n");
        HintAndErrorText(id, name, hint);
    }

    public void StartFieldset(string legend, string? hint = null, string? id = null)
    {
        html.Append("<fieldset");
        if (hint is not null && id is not null)
        {
            html.Append(" aria-describedby=\"").Append(id).Append("-hint\"");
        }
        html.Append(">\n<legend>").Text(legend).Append("</legend>\n");
        if (hint is not null)
        {
            html.Append("<p class=\"hint\"").Append(id is null ? "" : $" id=\"{id}-hint\"").Append('>').Text(hint).Append("</p>\n");
        }
    }

    public void EndFieldset() => html.Append("</fieldset>\n");

    private void StartField(string name) =>
        html.Append("<div class=\"field").Append(errors.Has(name) ? " field-error" : "").Append("\">\n");

    private void Label(string id, string name, string label) =>
        html.Append("<label for=\"").Append(id).Append("\">").Text(label).Append(Required(name)).Append("</label>\n");

    // Other forms (the story form) name their own required fields; the event form's are the default.
    private string Required(string name) =>
        (required ?? EventFormFields.Required).Contains(name) ? " <span class=\"required\">(required)</span>" : "";

    private string HintAndError(string id, string name, string? hint)
    {
        HintAndErrorText(id, name, hint);
        return Described(id, name, hint);
    }

    private void HintAndErrorText(string id, string name, string? hint)
    {
        if (hint is not null)
        {
            html.Append("<p class=\"hint\" id=\"").Append(id).Append("-hint\">").Text(hint).Append("</p>\n");
        }
        if (errors.Has(name))
        {
            html.Append("<p class=\"error-message\" id=\"").Append(id).Append("-error\"><span class=\"visually-hidden\">Error: </span>")
                .Text(string.Join(" ", errors.For(name))).Append("</p>\n");
        }
    }

    private string Described(string id, string name, string? hint) =>
        string.Join(' ', new[] { hint is null ? null : id + "-hint", errors.Has(name) ? id + "-error" : null }.Where(s => s is not null));

    private void Attributes(string name, string describedBy, string? autocomplete, string? spellcheck)
    {
        if (describedBy.Length > 0)
        {
            html.Append(" aria-describedby=\"").Append(describedBy).Append('"');
        }
        if (errors.Has(name))
        {
            html.Append(" aria-invalid=\"true\"");
        }
        if (autocomplete is not null)
        {
            html.Append(" autocomplete=\"").Append(autocomplete).Append('"');
        }
        if (spellcheck is not null)
        {
            html.Append(" spellcheck=\"").Append(spellcheck).Append('"');
        }
    }
}
