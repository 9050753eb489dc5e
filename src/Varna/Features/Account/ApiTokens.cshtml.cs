using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace Varna.Features.Account;

// The secret of a new token reaches the browser once, through TempData (an encrypted cookie) on
// the redirect after creation; the database only ever holds its hash.
public sealed class ApiTokensModel(AppDbContext db, UserManager<User> users, TimeProvider time, IStringLocalizer<AccountText> text) : PageModel
{
    [BindProperty] public TokenInput Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }
    [TempData] public string? NewTokenSecret { get; set; }
    public IReadOnlyList<TokenRow> Tokens { get; private set; } = [];

    public sealed class TokenInput
    {
        [Required(ErrorMessage = "Validation.RequiredNamed"), StringLength(100, ErrorMessage = "Validation.MaxLength"), Display(Name = "Field.TokenName")]
        public string Name { get; set; } = "";
    }

    public sealed record TokenRow(Guid Id, string Name, string Hint, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

    public async Task OnGetAsync()
    {
        if (NewTokenSecret is not null) Response.Headers.CacheControl = "no-store";
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var (token, secret) = ApiToken.Issue(CurrentUserId(), Input.Name, time.GetUtcNow());
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync();
        NewTokenSecret = secret;
        StatusMessage = text["Tokens.Created", token.Name];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        var userId = CurrentUserId();
        // Someone else's token answers exactly like one that does not exist.
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id && t.UserId == userId);
        if (token is null) return NotFound();
        token.Revoke(time.GetUtcNow());
        await db.SaveChangesAsync();
        StatusMessage = text["Tokens.RevokedMessage", token.Name];
        return RedirectToPage();
    }

    private Guid CurrentUserId() => Guid.Parse(users.GetUserId(User)!);

    private async Task LoadAsync()
    {
        var userId = CurrentUserId();
        Tokens = await db.ApiTokens.AsNoTracking()
            .Where(t => t.UserId == userId)
            .OrderBy(t => t.RevokedAt != null).ThenByDescending(t => t.CreatedAt)
            .Select(t => new TokenRow(t.Id, t.Name, t.Hint, t.CreatedAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync();
    }
}
