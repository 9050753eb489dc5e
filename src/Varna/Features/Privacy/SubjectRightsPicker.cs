namespace Varna.Features.Privacy;

public sealed record RepresentativeChoice(Guid Id, string Name);

// The organisation's representatives for the data protection officer's choice, in Swedish name order.
public static class SubjectRightsPicker
{
    public static async Task<IReadOnlyList<RepresentativeChoice>> ChoicesAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Representatives.AsNoTracking()
            .Select(r => new { r.Id, r.FirstName, r.LastName, r.Email }).ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.LastName, Swedish.NameOrder).ThenBy(r => r.FirstName, Swedish.NameOrder)
            .Select(r => new RepresentativeChoice(r.Id, r.Email is null ? $"{r.LastName}, {r.FirstName}" : $"{r.LastName}, {r.FirstName} ({r.Email})"))
            .ToList();
    }

    // The chosen id, or an error naming the field (Input.RepresentativeId) when none or an unknown one was chosen.
    public static Error? Check(string? value, IReadOnlyList<RepresentativeChoice> choices, out Guid id)
    {
        id = Guid.Empty;
        if (string.IsNullOrWhiteSpace(value)) return new Error("RepresentativeId", "Validation.Required");
        if (!Guid.TryParse(value, out var parsed) || choices.All(c => c.Id != parsed)) return new Error("RepresentativeId", "Validation.UnknownRepresentative");
        id = parsed;
        return null;
    }
}
