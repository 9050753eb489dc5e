using Microsoft.AspNetCore.Http.HttpResults;

namespace Varna.Features.Representatives;

public sealed record MandateResponse(
    Guid Id, BodyKind BodyKind, string? BodyName, MandateRole Role, bool FullTimeOrLargePartTime, DateOnly From, DateOnly? To);

// Party is left out on purpose: it is special-category data and no integration needs it.
public sealed record RepresentativeResponse(
    Guid Id, string FirstName, string LastName, string? Email, string? Phone, Gender? Gender, int? BirthYear,
    IReadOnlyList<MandateResponse> Mandates);

public static class RepresentativesApi
{
    public static RouteGroupBuilder MapRepresentativesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/representatives", ListAsync).WithName("ListRepresentatives")
            .WithSummary("The organisation's representatives with all their mandates, current and ended.");
        api.MapGet("/representatives/{id:guid}", GetAsync).WithName("GetRepresentative")
            .WithSummary("One representative of the caller's organisation.");
        return api;
    }

    private static async Task<Ok<List<RepresentativeResponse>>> ListAsync(AppDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await Project(db.Representatives.AsNoTracking().OrderBy(r => r.LastName).ThenBy(r => r.FirstName))
            .ToListAsync(cancellationToken));

    // Another organisation's id is simply not found: the tenant filter never lets it be read.
    // The empty 404 becomes problem details in the API's status-code middleware.
    private static async Task<Results<Ok<RepresentativeResponse>, NotFound>> GetAsync(
        Guid id, AppDbContext db, CancellationToken cancellationToken)
    {
        var representative = await Project(db.Representatives.AsNoTracking().Where(r => r.Id == id)).SingleOrDefaultAsync(cancellationToken);
        return representative is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(representative);
    }

    private static IQueryable<RepresentativeResponse> Project(IQueryable<Representative> query) =>
        query.Select(r => new RepresentativeResponse(r.Id, r.FirstName, r.LastName, r.Email, r.Phone, r.Gender, r.BirthYear,
            r.Mandates.OrderBy(m => m.From)
                .Select(m => new MandateResponse(m.Id, m.BodyKind, m.BodyName, m.Role, m.FullTimeOrLargePartTime, m.From, m.To))
                .ToList()));
}
