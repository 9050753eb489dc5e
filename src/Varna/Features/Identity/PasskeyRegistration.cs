using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Varna.Features.Identity;

public static class PasskeyRegistration
{
    // Passkeys are bound to the address people use (Varna:PublicBaseUrl): its host is the relying
    // party id, and only its origin may create or use them, whatever host header reaches the app
    // behind a proxy.
    public static WebApplicationBuilder AddPasskeys(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdentityPasskeyOptions>().Configure<IOptions<VarnaOptions>>((o, varna) =>
        {
            var publicUrl = new Uri(varna.Value.PublicBaseUrl);
            var origin = publicUrl.GetLeftPart(UriPartial.Authority);
            o.ServerDomain = publicUrl.Host;
            o.UserVerificationRequirement = "required";
            o.ResidentKeyRequirement = "required";
            o.ValidateOrigin = context =>
                ValueTask.FromResult(!context.CrossOrigin && string.Equals(context.Origin, origin, StringComparison.OrdinalIgnoreCase));
        });
        return builder;
    }
}
