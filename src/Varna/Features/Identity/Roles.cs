namespace Varna.Features.Identity;

public static class Roles
{
    public const string Representative = nameof(Representative);
    public const string SecurityOfficer = nameof(SecurityOfficer);
    public const string OrgAdmin = nameof(OrgAdmin);
    public const string Analyst = nameof(Analyst);
    public const string DataProtectionOfficer = nameof(DataProtectionOfficer);
    public const string NetworkCoordinator = nameof(NetworkCoordinator);

    public static readonly IReadOnlyList<string> All =
        [Representative, SecurityOfficer, OrgAdmin, Analyst, DataProtectionOfficer, NetworkCoordinator];

    // Roles an organisation's admin may hand out. The network coordinator works across
    // organisations and is created by the operator (CLI), not by a tenant.
    public static readonly IReadOnlyList<string> Organisational =
        [Representative, SecurityOfficer, OrgAdmin, Analyst, DataProtectionOfficer];

    // These roles see or steer sensitive data, so outside demo mode they must use TOTP.
    public static readonly IReadOnlyList<string> RequireTwoFactor =
        [SecurityOfficer, OrgAdmin, DataProtectionOfficer, NetworkCoordinator];

    // Everyone who works in Värna rather than reports to it. Their sessions are short (SessionOptions).
    public static readonly IReadOnlyList<string> Staff =
        [SecurityOfficer, OrgAdmin, DataProtectionOfficer, Analyst, NetworkCoordinator];
}
