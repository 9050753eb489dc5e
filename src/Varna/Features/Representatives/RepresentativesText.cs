namespace Varna.Features.Representatives;

// Marker for RepresentativesText.resx (Swedish) and RepresentativesText.en.resx.
public sealed class RepresentativesText;
