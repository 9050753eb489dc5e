using System.ComponentModel.DataAnnotations;

namespace Varna.Features.Representatives;

// The form limit sits above RosterImport.MaxBytes so that a too-large file gets the friendly
// message from the importer rather than a bare 400 from the form reader.
[Authorize(Roles = Roles.OrgAdmin)]
[RequestSizeLimit(8 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 8 * 1024 * 1024)]
public sealed class ImportModel(RosterImport import, IStringLocalizer<RepresentativesText> text, IStringLocalizer<SharedText> shared) : PageModel
{
    private static readonly string[] Extensions = [".csv", ".txt"];

    [BindProperty, Display(Name = "Field.RosterFile")] public IFormFile? Upload { get; set; }
    [TempData] public string? StatusMessage { get; set; }
    public IReadOnlyList<ProblemRow> Problems { get; private set; } = [];

    public sealed record ProblemRow(int Row, string? Column, string Message);

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var file = Upload;
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), text["Import.NoFile"]);
            return Page();
        }
        if (!Extensions.Contains(Path.GetExtension(file.FileName), StringComparer.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(Upload), text["Import.NotCsv"]);
            return Page();
        }

        await using var stream = file.OpenReadStream();
        var result = await import.ImportAsync(stream, cancellationToken);
        if (!result.Succeeded)
        {
            Problems = result.Problems.Select(p => new ProblemRow(p.Row, p.Column, Localise(p.MessageKey, p.Arguments))).ToList();
            var fileLevel = Problems.Where(p => p.Row == 0).ToList();
            foreach (var p in fileLevel) ModelState.AddModelError(nameof(Upload), p.Message);
            if (fileLevel.Count < Problems.Count) ModelState.AddModelError(nameof(Upload), text["Import.RowsFailed", Problems.Count - fileLevel.Count]);
            Problems = Problems.Where(p => p.Row > 0).ToList();
            return Page();
        }

        StatusMessage = text["Import.Done", result.Representatives, result.Mandates]
            + (result.AlreadyPresent > 0 ? " " + text["Import.AlreadyPresent", result.AlreadyPresent] : "");
        return RedirectToPage("Index");
    }

    private string Localise(string key, object[] arguments)
    {
        var own = text[key, arguments];
        return own.ResourceNotFound ? shared[key, arguments] : own;
    }
}
