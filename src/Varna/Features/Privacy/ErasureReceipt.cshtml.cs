using System.Text.Json;

namespace Varna.Features.Privacy;

// What the erasure just did and what it kept, shown once after it was carried out (the audit log
// keeps the lasting record).
public sealed class ErasureReceiptModel : PageModel
{
    [TempData] public string? Receipt { get; set; }
    public ErasureReceipt? Done { get; private set; }

    public void OnGet()
    {
        Done = Receipt is null ? null : JsonSerializer.Deserialize<ErasureReceipt>(Receipt);
    }
}
