namespace Varna.Features.Reports;

public static class MineCaller
{
    // Under /mina-rapporter everyone is a reporter. Someone who is also a security officer would
    // otherwise find every report of the organisation here (ReportAccess.VisibleTo), and their
    // messages would be filed as the officers' side of their own report.
    public static Reporter? From(System.Security.Claims.ClaimsPrincipal user) =>
        Reporter.From(user) is { } caller ? caller with { IsOfficer = false } : null;
}
