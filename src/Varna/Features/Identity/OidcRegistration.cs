using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Varna.Features.Identity;

public static class OidcRegistration
{
    public static WebApplicationBuilder AddOidcSignIn(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OidcSettings>().BindConfiguration(OidcSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        var settings = builder.Configuration.GetSection(OidcSettings.Section).Get<OidcSettings>() ?? new OidcSettings();
        if (!settings.IsConfigured) return builder;

        builder.Services.AddAuthentication().AddOpenIdConnect(OidcSettings.Scheme, settings.DisplayName, o =>
        {
            // The provider's answer only identifies the person; Identity then signs in the account it maps to.
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            o.CallbackPath = settings.CallbackPath;
            // Authorization code flow with PKCE; the code comes back in the query of a top-level
            // redirect, so the correlation cookies need no SameSite=None.
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("email");
            o.Scope.Add("profile");
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Events.OnRemoteFailure = context =>
            {
                // Cancelled at the provider, an expired attempt or a bad answer: back to the sign-in page with a message.
                context.Response.Redirect(ExternalSignIn.FailedUrl(ExternalSignIn.Outcome.Failed));
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
        return builder;
    }
}
