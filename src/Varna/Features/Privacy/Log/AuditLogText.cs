namespace Varna.Features.Privacy.Log;

// Marker for AuditLogText.resx (Swedish) and AuditLogText.en.resx: the audit log pages' texts.
public sealed class AuditLogText;
