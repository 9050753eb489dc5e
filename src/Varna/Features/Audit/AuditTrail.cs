namespace Varna.Features.Audit;

// Writes one audit line for the current request: the actor and organisation from whoever is
// signed in (or as given), and the caller's address as a keyed hash when the organisation keeps
// one. A failed write throws, so the request fails instead of going unaudited.
public sealed class AuditTrail(AuditLog log, AuditIpHasher ipHasher, IHttpContextAccessor http)
{
    public Task WriteAsync(AuditAction action, Guid? caseId = null, string? target = null, string? detail = null,
        CancellationToken cancellationToken = default) =>
        WriteAsync(AuditActor.Of(http.HttpContext?.User ?? new()), action, caseId, target, detail, cancellationToken);

    public async Task WriteAsync(AuditActor actor, AuditAction action, Guid? caseId = null, string? target = null, string? detail = null,
        CancellationToken cancellationToken = default)
    {
        var ipHash = await ipHasher.HashAsync(actor.OrganisationId, http.HttpContext?.Connection.RemoteIpAddress, cancellationToken);
        await log.WriteAsync(new AuditRecord(action, actor.OrganisationId, actor.UserId, actor.Name, caseId, target, detail, ipHash),
            cancellationToken);
    }
}
