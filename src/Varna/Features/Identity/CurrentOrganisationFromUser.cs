namespace Varna.Features.Identity;

// Outside a request (CLI, jobs) there is no HttpContext and so no organisation: those callers
// state theirs explicitly with IgnoreQueryFilters or a FixedOrganisation.
public sealed class CurrentOrganisationFromUser(IHttpContextAccessor accessor) : ICurrentOrganisation
{
    public Guid? OrganisationId =>
        Guid.TryParse(accessor.HttpContext?.User.FindFirst(VarnaClaims.Organisation)?.Value, out var id) ? id : null;
}
