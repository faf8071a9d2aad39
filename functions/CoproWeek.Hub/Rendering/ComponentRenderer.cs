using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoproWeek.Hub.Rendering;

/// <summary>
/// Renders any Razor component, with its parameters, to a string outside a request: the site's pages and the emails.
/// Components encode what they are given, so user text is safe by construction. Each render runs in one language:
/// its culture is set for the render, so <c>IStringLocalizer</c> reads that language's resources and dates are
/// written its way. One renderer serves the whole process; pure renderers reach it as <see cref="Shared"/>.
/// </summary>
public sealed class ComponentRenderer : IAsyncDisposable
{
    private static readonly Lazy<ComponentRenderer> SharedRenderer = new(() => new ComponentRenderer());

    private readonly ServiceProvider _services;
    private readonly HtmlRenderer _renderer;

    private ComponentRenderer()
    {
        // The components take a model and write markup; the one service they use is localisation (.resx beside each feature).
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLocalization();
        _services = services.BuildServiceProvider();
        _renderer = new HtmlRenderer(_services, NullLoggerFactory.Instance);
    }

    public static ComponentRenderer Shared => SharedRenderer.Value;

    /// <summary>Localisation outside a component (a C# renderer, an email's subject): the same resources the components read.</summary>
    public IServiceProvider Services => _services;

    public Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters, Language language = Language.English) where TComponent : IComponent =>
        _renderer.Dispatcher.InvokeAsync(async () =>
        {
            var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = language.Culture();
            try
            {
                var output = await _renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
                return output.ToHtmlString();
            }
            finally
            {
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
            }
        });

    /// <summary>Renders a component whose one parameter is its <c>Model</c>.</summary>
    public Task<string> RenderAsync<TComponent>(object model, Language language = Language.English) where TComponent : IComponent =>
        RenderAsync<TComponent>(new Dictionary<string, object?> { ["Model"] = model }, language);

    /// <summary>
    /// The same, for the site's synchronous page builders. Safe to wait on: our components never await anything, so a
    /// render completes on the renderer's own dispatcher and never needs the waiting thread.
    /// </summary>
    public string Render<TComponent>(IDictionary<string, object?> parameters, Language language = Language.English) where TComponent : IComponent =>
        RenderAsync<TComponent>(parameters, language).GetAwaiter().GetResult();

    public string Render<TComponent>(object model, Language language = Language.English) where TComponent : IComponent =>
        RenderAsync<TComponent>(model, language).GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        await _renderer.DisposeAsync();
        await _services.DisposeAsync();
    }
}
