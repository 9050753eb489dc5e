using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Varna.Infrastructure;

public static class Localisation
{
    public const string Swedish = "sv-SE";
    public const string English = "en";
    public static readonly string[] Supported = [Swedish, English];

    public static WebApplicationBuilder AddLocalisation(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Supported.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture(Swedish);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // Swedish unless the person chose otherwise; the browser's language is deliberately
            // not consulted, since Värna is a Swedish service first.
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new ApiAcceptLanguage()];
        });
        return builder;
    }

    // Programs have no language cookie; their answers (guidance, error messages) follow the
    // Accept-Language header instead.
    private sealed class ApiAcceptLanguage : AcceptLanguageHeaderRequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            StatusCodePages.IsApi(httpContext.Request) ? base.DetermineProviderCultureResult(httpContext) : NullProviderCultureResult;
    }

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}
