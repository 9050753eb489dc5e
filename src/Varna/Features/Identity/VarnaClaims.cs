namespace Varna.Features.Identity;

public static class VarnaClaims
{
    public const string Organisation = "varna:org";
    public const string Representative = "varna:rep";
    public const string TwoFactorEnabled = "varna:2fa";
}
