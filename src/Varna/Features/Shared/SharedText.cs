namespace Varna.Features.Shared;

// Marker for SharedText.resx (Swedish) and SharedText.en.resx: layout, buttons, field names
// and validation messages used by more than one feature.
public sealed class SharedText;
