using System.Text;

namespace Varna.Features.Representatives;

// A file an admin can open in Excel, overwrite with their own people and import again:
// UTF-8 with BOM (so Excel reads å, ä and ö right) and semicolons (Swedish Excel's separator).
public static class RosterTemplate
{
    public const string FileName = "fortroendevalda-mall.csv";

    public static byte[] Bytes()
    {
        var header = string.Join(';', Enum.GetValues<RosterColumn>().Select(RosterColumns.SwedishName));
        string[] examples =
        [
            "Åsa;Öberg;asa.oberg@exempel.se;070-123 45 67;kvinna;1975;kommunstyrelsen;;ordförande;ja;2026-10-15;2030-10-14",
            "Åsa;Öberg;asa.oberg@exempel.se;070-123 45 67;kvinna;1975;kommunfullmäktige;;ledamot;nej;2026-10-15;2030-10-14",
            "Jörgen;Ärlig;jorgen.arlig@exempel.se;;man;;nämnd;Socialnämnden;vice ordförande;nej;2026-10-15;",
        ];
        var text = string.Join("\r\n", [header, .. examples]) + "\r\n";
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
    }
}
