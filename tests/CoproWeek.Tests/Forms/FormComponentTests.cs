using CoproWeek.Hub;
using CoproWeek.Hub.Rendering;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Site.Forms;
using CoproWeek.Tests.Site;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.Primitives;

namespace CoproWeek.Tests.Forms;

public sealed class FormComponentTests
{
    private static readonly string[] Fields = ["name", "contact.email", "format", "topics", "agree"];

    private static readonly IReadOnlyList<Term> Choices = [new("online", "Online"), new("in-person", "In person")];

    private static string Render(FormState state, Language language, string action = "https://api.example/api/things")
    {
        RenderFragment body = b =>
        {
            void Component<T>(params (string Name, object? Value)[] parameters) where T : IComponent
            {
                b.OpenComponent<T>(0);
                foreach (var (name, value) in parameters)
                {
                    b.AddComponentParameter(1, name, value);
                }
                b.CloseComponent();
            }
            Component<TextInput>(("Name", "name"), ("Label", "Your name"), ("Hint", "As you like to be called <b>"), ("Autocomplete", "name"));
            Component<TextArea>(("Name", "contact.email"), ("Label", "Email"), ("Rows", 3));
            Component<Radios>(("Name", "format"), ("Legend", "How"), ("Options", Choices));
            Component<Checkboxes>(("Name", "topics"), ("Legend", "Topics"), ("Hint", "Choose all that fit"), ("Options", Choices));
            Component<Checkbox>(("Name", "agree"), ("Label", "I agree"));
            Component<SpamTrap>();
            Component<Button>(("Text", "Send"));
        };
        return ComponentRenderer.Shared.Render<FormWithSummary>(new Dictionary<string, object?>
        {
            ["Action"] = action, ["Language"] = language, ["State"] = state, ["ChildContent"] = body,
        }, language);
    }

    private static FormState State(Dictionary<string, StringValues> posted, Dictionary<string, string[]>? errors) =>
        new(EventFormValues.From(posted), new FormErrors(errors, Fields), new HashSet<string> { "name", "format" });

    [Fact]
    public void Fields_with_errors_are_joined_to_their_messages_and_the_summary_links_to_each()
    {
        var html = Render(State(new() { ["name"] = "<script>x</script>", ["topics"] = new(["online", "in-person"]), ["agree"] = "true" },
            new() { ["format"] = ["Choose how people take part."], ["Name"] = ["Enter your name."], ["other"] = ["Something else."] }), Language.English);
        var page = PageChecks.Parse(html);

        var summary = page.QuerySelector(".error-summary")!;
        Assert.Equal("alert", summary.GetAttribute("role"));
        Assert.Equal("There is a problem", summary.QuerySelector("h2").Text());
        var links = summary.QuerySelectorAll("a").Select(a => (a.GetAttribute("href"), a.Text())).ToList();
        Assert.Equal([("#field-name", "Enter your name."), ("#field-format", "Choose how people take part.")], links);
        Assert.Contains("Something else.", summary.QuerySelectorAll("li").Select(li => li.Text()));

        var name = page.QuerySelector("#field-name")!;
        Assert.Equal("<script>x</script>", name.GetAttribute("value"));
        Assert.DoesNotContain("<script>x", html);
        Assert.Equal("true", name.GetAttribute("aria-invalid"));
        Assert.Equal("field-name-hint field-name-error", name.GetAttribute("aria-describedby"));
        Assert.Equal("Error: Enter your name.", page.QuerySelector("#field-name-error").Text());
        Assert.Contains("field-error", name.ParentElement!.ClassList);
        Assert.Equal("Your name (required)", page.QuerySelector("label[for=field-name]").Text());
        Assert.Equal("name", name.GetAttribute("autocomplete"));

        // The first radio carries the field's id so the summary's link lands on the group; its fieldset points at the message.
        var radios = page.QuerySelectorAll("input[type=radio][name=format]");
        Assert.Equal(["field-format", "field-format-in-person"], radios.Select(r => r.Id));
        Assert.Equal("field-format-group-error", radios[0].Closest("fieldset")!.GetAttribute("aria-describedby"));
        Assert.Equal(2, page.QuerySelectorAll("input[type=checkbox][name=topics][checked]").Length);
        Assert.NotNull(page.QuerySelector("input[name=agree][checked]"));
        Assert.Null(page.QuerySelector("#field-contact-email")!.GetAttribute("aria-describedby"));
        Assert.All(page.QuerySelectorAll("input:not([type=hidden]), textarea, select"), f => Assert.NotNull(page.QuerySelector($"label[for='{f.Id}']")));
    }

    [Fact]
    public void A_form_on_a_Welsh_page_speaks_Welsh_and_posts_with_lang_cy()
    {
        var html = Render(State(new(), new() { ["name"] = ["Rhowch eich enw."] }), Language.Welsh);
        var page = PageChecks.Parse(html);

        Assert.Equal("https://api.example/api/things?lang=cy", page.QuerySelector("form")!.GetAttribute("action"));
        Assert.Equal("Mae problem", page.QuerySelector(".error-summary h2").Text());
        Assert.Equal("Gwall: Rhowch eich enw.", page.QuerySelector("#field-name-error").Text());
        Assert.Contains("(gofynnol)", page.QuerySelector("label[for=field-name]").Text());
        Assert.Equal("https://api.example/x?id=1&lang=cy", FormAction.For("https://api.example/x?id=1", Language.Welsh));
        Assert.Equal("https://api.example/x", FormAction.For("https://api.example/x", Language.English));
    }

    [Fact]
    public void An_empty_form_has_no_summary_and_nothing_marked_invalid()
    {
        var page = PageChecks.Parse(Render(FormState.Empty(Fields), Language.English));

        Assert.Null(page.QuerySelector(".error-summary"));
        Assert.Empty(page.QuerySelectorAll("[aria-invalid]"));
        Assert.Equal("field-name-hint", page.QuerySelector("#field-name")!.GetAttribute("aria-describedby"));
        Assert.Equal("https://api.example/api/things", page.QuerySelector("form")!.GetAttribute("action"));
    }

    /// <summary>The summary above the form, as every page puts it.</summary>
    private sealed class FormWithSummary : ComponentBase
    {
        [Parameter] public string Action { get; set; } = "";
        [Parameter] public Language Language { get; set; }
        [Parameter] public FormState State { get; set; } = null!;
        [Parameter] public RenderFragment? ChildContent { get; set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<ErrorSummary>(0);
            builder.AddComponentParameter(1, nameof(ErrorSummary.Errors), State.Errors);
            builder.CloseComponent();
            builder.OpenComponent<PostForm>(2);
            builder.AddComponentParameter(3, nameof(PostForm.Action), Action);
            builder.AddComponentParameter(4, nameof(PostForm.Language), Language);
            builder.AddComponentParameter(5, nameof(PostForm.State), State);
            builder.AddComponentParameter(6, nameof(PostForm.ChildContent), ChildContent);
            builder.CloseComponent();
        }
    }
}
