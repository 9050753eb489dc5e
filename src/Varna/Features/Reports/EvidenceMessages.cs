namespace Varna.Features.Reports;

public static class EvidenceMessages
{
    // "skärmbild.exe: den här filtypen kan inte tas emot." Names the file, since a form may carry several.
    public static string Describe(RefusedFile refused, ReportsOptions limits, IStringLocalizer shared) => refused.Reason switch
    {
        RefusalReason.TooLarge => shared["Evidence.Refused.TooLarge", refused.FileName, Megabytes(limits.MaxFileBytes)],
        RefusalReason.ReportFull => shared["Evidence.Refused.ReportFull", refused.FileName, Megabytes(limits.MaxReportBytes)],
        RefusalReason.Empty => shared["Evidence.Refused.Empty", refused.FileName],
        _ => shared["Evidence.Refused.TypeNotAllowed", refused.FileName],
    };

    private static string Megabytes(long bytes) => (bytes / (1024 * 1024)).ToString(Swedish.Culture);
}
