namespace Varna.Features.Representatives;

public sealed partial class RosterImport
{
    // Rows with the same e-mail are one person; an e-mail already in the organisation adds the
    // mandate to that person, and a mandate they already hold is not added twice.
    private RosterImportResult Apply(Guid organisationId, IReadOnlyList<RosterRow> rows,
        Dictionary<string, Representative> existing, ColumnNames names)
    {
        var now = time.GetUtcNow();
        var problems = new List<RosterProblem>();
        var seen = new Dictionary<string, (Representative Person, int FirstRow, RepresentativeDetails Details)>();
        int people = 0, mandates = 0, alreadyPresent = 0;

        foreach (var row in rows)
        {
            var email = row.Person.Email!.Trim().ToLowerInvariant();
            Representative person;
            if (seen.TryGetValue(email, out var earlier))
            {
                if (!SameName(earlier.Details, row.Person))
                {
                    problems.Add(new(row.Row, names[RosterColumn.Email], "Import.ConflictingPerson", earlier.FirstRow));
                    continue;
                }
                person = earlier.Person;
            }
            else if (existing.TryGetValue(email, out var known))
            {
                person = known;
                seen[email] = (known, row.Row, row.Person);
            }
            else
            {
                // The row was validated while parsing, so this cannot fail on the person's details.
                person = Representative.Create(organisationId, row.Person, now).Value!;
                db.Representatives.Add(person);
                seen[email] = (person, row.Row, row.Person);
                people++;
            }

            if (person.Mandates.Any(m => SameMandate(m, row.Mandate)))
            {
                alreadyPresent++;
                continue;
            }
            var added = person.AddMandate(row.Mandate, now);
            if (!added.Succeeded)
            {
                problems.AddRange(added.Errors.Select(e => new RosterProblem(row.Row, names[MandateFields[e.Field]], e.MessageKey, e.Arguments)));
                continue;
            }
            db.Mandates.Add(added.Value!);
            mandates++;
        }
        return problems.Count > 0
            ? new RosterImportResult(0, 0, 0, problems)
            : new RosterImportResult(people, mandates, alreadyPresent, []);
    }

    private static bool SameName(RepresentativeDetails a, RepresentativeDetails b) =>
        string.Equals(a.FirstName.Trim(), b.FirstName.Trim(), StringComparison.CurrentCultureIgnoreCase)
        && string.Equals(a.LastName.Trim(), b.LastName.Trim(), StringComparison.CurrentCultureIgnoreCase);

    private static bool SameMandate(Mandate m, MandateDetails d) =>
        m.BodyKind == d.BodyKind && m.Role == d.Role && m.FullTimeOrLargePartTime == d.FullTimeOrLargePartTime
        && m.From == d.From && m.To == d.To
        && string.Equals(m.BodyName ?? "", d.BodyName?.Trim() ?? "", StringComparison.CurrentCultureIgnoreCase);
}
