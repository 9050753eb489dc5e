using System.ComponentModel.DataAnnotations;

namespace Varna.Features.Reports;

public sealed class ReportsOptions
{
    public const string Section = "Reports";

    [Range(1, long.MaxValue)] public long MaxFileBytes { get; set; } = 25L * 1024 * 1024;
    [Range(1, long.MaxValue)] public long MaxReportBytes { get; set; } = 100L * 1024 * 1024;

    // Room for multipart boundaries and the form's other fields around the files themselves.
    public long MaxRequestBytes => MaxReportBytes + 1024 * 1024;
}
