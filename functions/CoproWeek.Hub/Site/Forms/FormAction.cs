namespace CoproWeek.Hub.Site.Forms;

/// <summary>
/// Where a form posts. A form on a Welsh page posts to its usual API route with <c>lang=cy</c> added, so the handler
/// answers in Welsh (the form again with its errors, the thanks page, the emails).
/// </summary>
public static class FormAction
{
    public static string For(string action, Language language) =>
        language == Language.Welsh ? action + (action.Contains('?') ? "&" : "?") + "lang=" + language.Code() : action;
}
