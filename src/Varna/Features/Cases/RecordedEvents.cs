namespace Varna.Features.Cases;

public static class RecordedEvents
{
    // A timeline line recorded on a loaded case (case.Record, MergeInto) already has its id, and EF
    // takes an entity with a set, store-generated-by-convention key that it finds through a
    // navigation for an existing row: it would UPDATE it, hit no row and report a concurrency
    // conflict. Lines are only ever new, so they are added explicitly before the save.
    // (Configuring CaseEvent.Id as ValueGeneratedNever would fix this in the model; that is the lead's call.)
    public static void AddRecordedEvents(this AppDbContext db, params Case[] cases)
    {
        foreach (var @case in cases)
            foreach (var line in @case.Events)
            {
                var entry = db.Entry(line);
                if (entry.State != EntityState.Added) entry.State = EntityState.Added;
            }
    }
}
