using System.Xml.Linq;

namespace Varna.Tests.Web;

// Swedish first, English second: every text key must exist, non-empty, in both languages.
public sealed class ResourceTests
{
    private static string SourceRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Varna.slnx"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Repository root not found."), "src", "Varna");
    }

    public static TheoryData<string> SwedishResourceFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(SourceRoot(), "*.resx", SearchOption.AllDirectories).Where(f => !f.EndsWith(".en.resx")))
            data.Add(Path.GetRelativePath(SourceRoot(), file));
        return data;
    }

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(e => (string)e.Attribute("name")!, e => (string?)e.Element("value") ?? "");

    [Theory]
    [MemberData(nameof(SwedishResourceFiles))]
    public void Every_text_exists_in_Swedish_and_English(string relativePath)
    {
        var swedishPath = Path.Combine(SourceRoot(), relativePath);
        var englishPath = swedishPath[..^".resx".Length] + ".en.resx";
        Assert.True(File.Exists(englishPath), $"{relativePath} has no English file.");
        var swedish = Read(swedishPath);
        var english = Read(englishPath);
        Assert.Empty(swedish.Keys.Except(english.Keys));
        Assert.Empty(english.Keys.Except(swedish.Keys));
        Assert.Empty(swedish.Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => kv.Key));
        Assert.Empty(english.Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => kv.Key));
    }
}
