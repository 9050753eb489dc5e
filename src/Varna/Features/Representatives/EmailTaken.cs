namespace Varna.Features.Representatives;

internal static class EmailTaken
{
    // The database's unique index would refuse it too; this turns that into a field message.
    public static Task<bool> CheckAsync(AppDbContext db, string? email, Guid? except) =>
        email is null ? Task.FromResult(false) : db.Representatives.AnyAsync(r => r.Email == email && r.Id != except);
}
