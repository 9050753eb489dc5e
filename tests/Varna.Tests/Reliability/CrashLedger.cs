using System.Collections.Concurrent;

namespace Varna.Tests.Reliability;

// What a report looked like when a client sent it: the fields the test checks after every restart.
public sealed record SentReport(
    string Marker, int Client, string Description, string Channel, string[] Types, string Wish, string? Location, string OccurredOn)
{
    // Files posted together with the report (the form); API uploads are recorded by report id.
    public IReadOnlyList<(string Sha256, long Size)> Files { get; init; } = [];
}

// One evidence file as the client sent it. EvidenceId is known when the API answered with it; files
// that came with the report form are acknowledged by the receipt redirect and found by their hash.
public sealed record SentFile(Guid ReportId, string Sha256, long Size, Guid? EvidenceId = null);

// The test's record of what the app acknowledged and what was merely attempted. Everything the app
// answered 201 (or the form's redirect to the receipt) for must survive every kill.
public sealed class CrashLedger
{
    private readonly ConcurrentDictionary<string, SentReport> attempted = new();
    private readonly ConcurrentDictionary<Guid, SentReport> acknowledged = new();
    private readonly ConcurrentDictionary<Guid, SentReport> storedUnacknowledged = new();
    private readonly ConcurrentBag<SentFile> acknowledgedFiles = [];
    private readonly ConcurrentDictionary<(Guid ReportId, string Sha256, long Size), byte> sentFiles = new();
    private readonly ConcurrentDictionary<Guid, byte> storedUnacknowledgedFiles = new();
    private readonly ConcurrentQueue<string> serverErrors = new();
    private int inFlightAtKill;

    public void Attempt(SentReport report) => attempted[report.Marker] = report;
    public void Acknowledge(Guid id, SentReport report) => acknowledged[id] = report;
    public void Sending(SentFile file) => sentFiles[(file.ReportId, file.Sha256, file.Size)] = 0;
    public void Acknowledge(SentFile file) => acknowledgedFiles.Add(file);
    public void ServerError(string what) => serverErrors.Enqueue(what);
    public void CutOff() => Interlocked.Increment(ref inFlightAtKill);

    public SentReport? AttemptWith(string marker) => attempted.GetValueOrDefault(marker);
    public bool WasSent(Guid reportId, string sha256, long size) => sentFiles.ContainsKey((reportId, sha256, size));

    // A report the app stored although the client never heard back (the kill came first).
    public bool FoundUnacknowledged(Guid id, SentReport report) => !acknowledged.ContainsKey(id) && storedUnacknowledged.TryAdd(id, report);
    public void FoundUnacknowledgedFile(Guid evidenceId) => storedUnacknowledgedFiles.TryAdd(evidenceId, 0);

    public bool IsAcknowledged(Guid id) => acknowledged.ContainsKey(id);
    public bool IsKnownStored(Guid id) => acknowledged.ContainsKey(id) || storedUnacknowledged.ContainsKey(id);

    public IReadOnlyDictionary<Guid, SentReport> Acknowledged => acknowledged;
    public IReadOnlyDictionary<Guid, SentReport> StoredUnacknowledged => storedUnacknowledged;
    public IReadOnlyCollection<SentFile> AcknowledgedFiles => acknowledgedFiles;
    public IReadOnlyCollection<string> ServerErrors => serverErrors;
    public int Attempted => attempted.Count;
    public int InFlightAtKill => inFlightAtKill;
    public int StoredUnacknowledgedFiles => storedUnacknowledgedFiles.Count;
}
