using Varna.Features.Reports;
using Varna.Infrastructure;

namespace Varna.Tests.Reports;

public sealed class ReportFormEvidenceTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    [Fact]
    public async Task Refused_file_is_named_on_the_receipt_while_the_report_and_the_other_file_are_kept()
    {
        var client = await factory.SignedInAsync(Demo.Representative);

        var response = await client.PostReportAsync("/rapportera", ReportFormKit.Required(),
            new UploadFile("skärmbild.png", ReportsArrange.Png, "image/png"), new UploadFile("bild.jpg.exe", ReportsArrange.Program));

        var (id, receipt) = await client.ReceiptAsync(response);
        Assert.Equal("bild.jpg.exe: den här filtypen kan inte tas emot. Skicka bilder, pdf, ljud, video, text eller e-post (.eml).",
            receipt.Text("#refused-heading + ul li"));
        var (_, _, evidence) = await factory.StoredAsync(id);
        var png = Assert.Single(evidence);
        Assert.Equal(("skärmbild.png", "image/png", Hashing.Sha256Hex(ReportsArrange.Png)), (png.FileName, png.ContentType, png.Sha256));
        var shown = receipt.QuerySelector("ul.evidence li")!;
        Assert.Equal("skärmbild.png", shown.QuerySelector(".evidence-name")!.TextContent);
        Assert.Equal(png.Sha256, shown.QuerySelector(".hash")!.TextContent);
        Assert.Contains($"{ReportsArrange.Png.Length} B", shown.TextContent);
        Assert.Contains(Swedish.Format(png.ReceivedAt), shown.TextContent);
    }

    [Fact]
    public async Task Pasted_text_and_links_are_kept_as_evidence_and_shown_on_the_receipt()
    {
        var client = await factory.SignedInAsync(Demo.Representative);

        var response = await client.PostReportAsync("/rapportera", ReportFormKit.Required()
            .With("Input.PastedText", "Vi vet var du bor.").With("Input.Links", "https://exempel.se/inlagg/1\r\n\r\nhttps://exempel.se/inlagg/2"));

        var (id, receipt) = await client.ReceiptAsync(response);
        var (_, _, evidence) = await factory.StoredAsync(id);
        Assert.Equal([EvidenceKind.Text, EvidenceKind.Link, EvidenceKind.Link], evidence.Select(e => e.Kind).Order());
        var names = receipt.QuerySelectorAll("ul.evidence .evidence-name").Select(e => e.TextContent).ToList();
        Assert.Contains("Inklistrad text", names);
        Assert.Contains("https://exempel.se/inlagg/2", names);
        Assert.Null(receipt.QuerySelector("#refused-heading"));
    }

    [Fact]
    public async Task Unusable_link_is_reported_on_the_receipt_and_the_report_is_still_saved()
    {
        var client = await factory.SignedInAsync(Demo.Representative);

        var response = await client.PostReportAsync("/rapportera", ReportFormKit.Required().With("Input.Links", "javascript:alert(1)"));

        var (id, receipt) = await client.ReceiptAsync(response);
        Assert.Equal("Länkar: 'javascript:alert(1)' är ingen webbadress. Ange adresser som börjar med https://.", receipt.Text("#refused-heading + ul li"));
        var (report, _, evidence) = await factory.StoredAsync(id);
        Assert.Equal("Någon skrev att de vet var jag bor.", report.Description);
        Assert.Empty(evidence);
    }
}
