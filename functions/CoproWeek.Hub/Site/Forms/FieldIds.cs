namespace CoproWeek.Hub.Site.Forms;

/// <summary>The id of a field's input, made from its name: <c>organiser.name</c> → <c>field-organiser-name</c>. The error summary links to it.</summary>
public static class FieldIds
{
    public static string Of(string name) => "field-" + name.Replace('.', '-');
}
