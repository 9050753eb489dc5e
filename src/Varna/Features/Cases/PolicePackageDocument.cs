using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Varna.Features.Cases;

// The police package as a Word document, with the same content as the page. Its styles are defined
// in the document itself so that headings render (and navigate) as headings in any word processor.
public sealed class PolicePackageDocument(IStringLocalizer<CasesText> text)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static string FileName(PolicePackage package) => $"polisanmalan-{package.Reference}.docx";

    private const string Mono = "Consolas";
    // A4 (11906 twips) less two 2 cm margins (1134 twips each).
    private const int TextWidth = 11906 - 2 * 1134;

    public byte[] Build(PolicePackage p)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = PolicePackageStyles.For(Localisation.IsEnglish ? "en-GB" : "sv-SE");
            document.PackageProperties.Title = text["Package.Title", p.Reference];
            document.PackageProperties.Creator = p.Organisation;

            var body = new Body();
            body.Append(Heading(1, text["Package.Title", p.Reference]));
            body.Append(Facts(Header(p)));
            body.Append(Paragraph(text["Package.Intro"]), Paragraph(text["Package.TimeZone"]));

            body.Append(Heading(2, text["Package.Incidents"]));
            foreach (var incident in p.Incidents)
            {
                body.Append(Heading(3, text["Package.Incident", incident.Number]));
                body.Append(Facts(incident.Facts));
                body.Append(Heading(4, text["Package.Description"]));
                body.Append(Lines(incident.Description));
                if (incident.Supplements.Count == 0) continue;
                body.Append(Heading(4, text["Package.Supplements"]));
                foreach (var s in incident.Supplements)
                {
                    body.Append(Paragraph(text["Package.SupplementAt", s.AddedAt], bold: true));
                    body.Append(Lines(s.Text));
                }
            }

            body.Append(Heading(2, text["Package.Perpetrator"]));
            body.Append(Paragraph(text["Package.PerpetratorIntro"]));
            body.Append(Table(text["Package.PerpetratorCaption"],
                [(text["Package.IncidentColumn"], 1100), (text["Package.Category"], 3200), (text["Package.Identifiers"], TextWidth - 4300)],
                p.Perpetrators.Select(x => new[]
                {
                    Cell(x.Incident.ToString(CultureInfo.CurrentCulture)), Cell(x.Category),
                    x.Identifiers.Count == 0 ? Cell(text["Package.NoIdentifiers"]) : Cell(x.Identifiers.ToArray()),
                })));

            body.Append(Heading(2, text["Package.Timeline"]));
            body.Append(Paragraph(text["Package.LeftOut"]));
            body.Append(Table(text["Package.TimelineCaption"], [(text["Package.When"], 1900), (text["Package.What"], TextWidth - 1900)],
                p.Timeline.Select(e => new[] { Cell(e.At), Cell(e.What) })));

            body.Append(Heading(2, text["Package.Evidence"]));
            body.Append(Paragraph(text["Package.HashExplained"]));
            if (p.Evidence.Count == 0) body.Append(Paragraph(text["Package.NoEvidence"]));
            else
                body.Append(Table(text["Package.EvidenceCaption"],
                    [(text["Package.Number"], 500), (text["Package.IncidentColumn"], 900), (text["Package.Name"], 1800), (text["Package.Type"], 1400),
                        (text["Package.Size"], 900), (text["Package.Sha256"], 2438), (text["Package.ServerReceivedAt"], 1700)],
                    p.Evidence.Select(e => new[]
                    {
                        Cell(e.Number.ToString(CultureInfo.CurrentCulture)), Cell(e.Incident.ToString(CultureInfo.CurrentCulture)),
                        Cell(e.Name), Cell(e.Type), Cell(e.Size), MonoCell(e.Sha256), Cell(e.ReceivedAt),
                    })));

            // A4 portrait with 2 cm margins.
            body.Append(new SectionProperties(new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U, Header = 567U, Footer = 567U, Gutter = 0U }));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    private IEnumerable<PackageFact> Header(PolicePackage p)
    {
        yield return new(text["Package.Case"], p.Reference);
        yield return new(text["Package.Organisation"], p.Organisation);
        yield return new(text["Package.ProducedAt"], p.ProducedAt);
        if (p.PoliceReference is not null) yield return new(text["Package.PoliceReference"], p.PoliceReference);
    }

    private static Paragraph Heading(int level, string content) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{level}" }), new Run(new Text(content)));

    private static Paragraph Paragraph(string content, bool bold = false) => new(TextRun(content, bold));

    private static Run TextRun(string content, bool bold)
    {
        var run = new Run();
        if (bold) run.Append(new RunProperties(new Bold()));
        run.Append(new Text(content) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    // The reporter's own words keep their line breaks.
    private static Paragraph Lines(string content)
    {
        var run = new Run();
        var lines = content.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) run.Append(new Break());
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        return new Paragraph(run);
    }

    // Label and value pairs as a two-column table without borders, like the page's definition list.
    private static Table Facts(IEnumerable<PackageFact> facts)
    {
        int[] widths = [3000, TextWidth - 3000];
        var table = new Table(new TableProperties(new TableWidth { Width = TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed }), Grid(widths));
        foreach (var fact in facts)
            table.Append(new TableRow(new TableRowProperties(new CantSplit()),
                CellOf([fact.Label], bold: true, widths[0]), CellOf([fact.Value], bold: false, widths[1])));
        return table;
    }

    // Fixed column widths (twips, summing to the text width), so a long hash wraps inside its column.
    private static Table Table(string caption, (string Header, int Width)[] columns, IEnumerable<Func<int, TableCell>[]> rows)
    {
        var widths = columns.Select(c => c.Width).ToArray();
        var table = new Table(new TableProperties(new TableStyle { Val = "Grid" },
            new TableWidth { Width = TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed }, new TableCaption { Val = caption }), Grid(widths));
        table.Append(Row(new TableRowProperties(new TableHeader(), new CantSplit()), columns.Select(c => CellOf([c.Header], bold: true, c.Width))));
        foreach (var cells in rows)
            table.Append(Row(new TableRowProperties(new CantSplit()), cells.Select((cell, i) => cell(widths[i]))));
        return table;
    }

    private static TableGrid Grid(int[] widths) =>
        new(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) }));

    // Rows never split over two pages, so each piece of evidence stays whole on paper.
    private static TableRow Row(TableRowProperties properties, IEnumerable<TableCell> cells)
    {
        var row = new TableRow(properties);
        row.Append(cells);
        return row;
    }

    private static Func<int, TableCell> Cell(params string[] lines) => width => CellOf(lines, bold: false, width);

    private static TableCell CellOf(string[] lines, bool bold, int width)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
        foreach (var line in lines)
            cell.Append(new Paragraph(TextRun(line, bold)));
        return cell;
    }

    private static Func<int, TableCell> MonoCell(string content) => width => new TableCell(
        new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }),
        new Paragraph(new Run(new RunProperties(new RunFonts { Ascii = Mono, HighAnsi = Mono, ComplexScript = Mono }, new FontSize { Val = "16" }),
            new Text(content))));
}
