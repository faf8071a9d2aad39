using CoproWeek.Hub.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Hub.Contacts;

public static class ContactsRegistration
{
    /// <summary>Confirming the addresses of organisers and story writers before the hub emails them anything else.</summary>
    public static IServiceCollection AddContacts(this IServiceCollection services, IConfiguration configuration, FunctionCatalog catalog)
    {
        services.AddOptions<ContactOptions>().Bind(configuration.GetSection(ContactOptions.Section));
        services.AddSingleton<ContactAddresses>();
        services.AddSingleton<ContactGate>();
        services.AddSingleton<ConfirmContact>();
        catalog.Http<ConfirmContact>(Triggers.ConfirmContact, (h, req, ct) => h.HandleAsync(req, ct))
            .Http<ConfirmContact>(Triggers.ConfirmContactCy, (h, req, ct) => h.HandleAsync(req, ct));
        return services;
    }
}
