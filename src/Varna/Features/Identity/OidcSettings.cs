using System.ComponentModel.DataAnnotations;

namespace Varna.Features.Identity;

// Sign-in through the organisation's own identity provider or an e-ID broker (BankID, Freja),
// configured per deployment under "Authentication:Oidc". Without an Authority and a ClientId the
// option does not exist at all: no scheme, no button.
public sealed class OidcSettings
{
    public const string Section = "Authentication:Oidc";
    public const string Scheme = "oidc";

    [Url] public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    // What the button says, e.g. "BankID via e-legitimationsbroker".
    [StringLength(100)] public string DisplayName { get; set; } = "e-legitimation";

    // How a first sign-in finds its account: by the provider's verified e-mail address (then the
    // provider's subject is stored and used from then on), or only by a subject an administrator or
    // the person linked before.
    public OidcMatch MatchBy { get; set; } = OidcMatch.Email;

    // Whether the provider checks two factors itself (BankID and Freja do), so that staff signing in
    // through it need no TOTP on top. A plain username-and-password provider must leave this false.
    public bool SatisfiesTwoFactor { get; set; }

    // The path the provider sends the browser back to; register it with the provider.
    public string CallbackPath { get; set; } = "/signin-oidc";

    // Only for tests and development against a provider on plain HTTP.
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}

public enum OidcMatch { Email, Subject }
