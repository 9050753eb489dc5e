namespace Varna.Features.Reports;

// Marker for ReportsText.resx (Swedish) and ReportsText.en.resx.
public sealed class ReportsText;
