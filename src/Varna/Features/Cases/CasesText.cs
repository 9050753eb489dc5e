namespace Varna.Features.Cases;

// Marker for CasesText.resx (Swedish) and CasesText.en.resx.
public sealed class CasesText;
