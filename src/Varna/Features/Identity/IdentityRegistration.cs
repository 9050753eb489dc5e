using Microsoft.AspNetCore.Identity;

namespace Varna.Features.Identity;

public static class IdentityRegistration
{
    public const string ApiPolicy = "api";

    public static WebApplicationBuilder AddIdentity(this WebApplicationBuilder builder)
    {
        builder.Services.AddIdentity<User, IdentityRole<Guid>>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.SignIn.RequireConfirmedAccount = false;
                o.Tokens.PasswordResetTokenProvider = InvitationTokenProvider.ProviderName;
                // Version 3 adds the passkeys (WebAuthn) table; DesignTimeFactories says the same to `dotnet ef`.
                o.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<InvitationTokenProvider>(InvitationTokenProvider.ProviderName)
            .AddClaimsPrincipalFactory<VarnaClaimsPrincipalFactory>()
            .AddSignInManager<AuditingSignInManager>();

        builder.Services.Configure<InvitationTokenProviderOptions>(o =>
        {
            o.Name = InvitationTokenProvider.ProviderName;
            o.TokenLifespan = TimeSpan.FromDays(7);
        });
        // A role change or deactivation reaches signed-in sessions within a minute.
        builder.Services.AddMemoryCache();
        builder.Services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = StrongSignIn.CarryOver;
        });
        builder.AddSessions();

        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "varna.auth";
            o.Cookie.HttpOnly = true;
            // Strict: a link from another site (a webmail, say) arrives without it; the sign-in page
            // then sends the browser on to the same address once more, as a same-site navigation
            // that does carry it (LoginModel.SameSiteRetry).
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieHardening.SecurePolicy(builder.Environment);
            o.LoginPath = "/konto/logga-in";
            o.LogoutPath = "/konto/logga-ut";
            o.AccessDeniedPath = "/konto/atkomst-nekad";
            // The real lifetimes are set per session by SessionLifetime and enforced by SessionStore.
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            o.SlidingExpiration = true;
            o.Events.OnSigningIn = SessionLifetime.OnSigningIn;
        });

        builder.Services.AddAuthentication()
            .AddScheme<ApiTokenOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, p => p.AddAuthenticationSchemes(ApiTokenHandler.SchemeName).RequireAuthenticatedUser());
        builder.Services.AddScoped<Invitations>();
        builder.Services.AddScoped<ExternalSignIn>();
        builder.AddOidcSignIn();
        builder.AddPasskeys();
        return builder;
    }

    public static WebApplication MapIdentity(this WebApplication app)
    {
        app.MapGroup("/api/v1").RequireAuthorization(ApiPolicy).MapMe();
        ExternalSignIn.Map(app);
        return app;
    }
}
