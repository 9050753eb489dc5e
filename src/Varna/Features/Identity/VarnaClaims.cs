namespace Varna.Features.Identity;

public static class VarnaClaims
{
    public const string Organisation = "varna:org";
    public const string Representative = "varna:rep";
    public const string TwoFactorEnabled = "varna:2fa";
    // This session began with a multi-factor sign-in (StrongSignIn): "passkey" or "external".
    public const string StrongSignIn = "varna:strong";
}
