using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoproWeek.Hub.Rendering;

/// <summary>
/// Renders any Razor component, with its parameters, to a string outside a request: emails today, the site's
/// pages next. Components encode what they are given, so user text is safe by construction. One renderer serves
/// the whole process (registered once in <c>AddCoproWeek</c>); pure renderers reach it as <see cref="Shared"/>.
/// </summary>
public sealed class ComponentRenderer : IAsyncDisposable
{
    private static readonly Lazy<ComponentRenderer> SharedRenderer = new(() => new ComponentRenderer());

    private readonly ServiceProvider _services;
    private readonly HtmlRenderer _renderer;

    private ComponentRenderer()
    {
        // The components are pure: they take a model and write markup, so they need no services of the app.
        _services = new ServiceCollection().BuildServiceProvider();
        _renderer = new HtmlRenderer(_services, NullLoggerFactory.Instance);
    }

    public static ComponentRenderer Shared => SharedRenderer.Value;

    public Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent =>
        _renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await _renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });

    /// <summary>Renders a component whose one parameter is its <c>Model</c>.</summary>
    public Task<string> RenderAsync<TComponent>(object model) where TComponent : IComponent =>
        RenderAsync<TComponent>(new Dictionary<string, object?> { ["Model"] = model });

    public async ValueTask DisposeAsync()
    {
        await _renderer.DisposeAsync();
        await _services.DisposeAsync();
    }
}
