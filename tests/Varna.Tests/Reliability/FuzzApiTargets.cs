using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Varna.Tests.Reliability;

// An /api/v1 endpoint as routing knows it: every one that takes input (a body, a route value or a
// query parameter) is fuzzed, so a new endpoint is included without anyone listing it here.
public sealed record ApiEndpoint(string Method, string Pattern, IReadOnlyList<string> RouteParameters,
    IReadOnlyList<string> QueryParameters, bool HasBody)
{
    public string Name => $"{Method} {Pattern}";

    public static IReadOnlyList<ApiEndpoint> All(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => From(e, m)))
            .Where(e => e.Method != "GET" || e.RouteParameters.Count > 0 || e.QueryParameters.Count > 0)
            .OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();

    // Every method each /api/v1 pattern answers, so a "wrong method" is one it really does not.
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> MethodsByPattern(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .GroupBy(e => e.RoutePattern.RawText!)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).ToHashSet());

    private static ApiEndpoint From(RouteEndpoint endpoint, string method)
    {
        var route = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList();
        var handler = endpoint.Metadata.GetMetadata<MethodInfo>();
        var simple = (handler?.GetParameters() ?? []).Where(p => IsSimple(p.ParameterType)).Select(p => p.Name!).ToList();
        var query = simple.Where(n => !route.Contains(n, StringComparer.OrdinalIgnoreCase)).ToList();
        // A body is any other parameter the framework does not supply (a request record), or a
        // handler that reads the form itself.
        var hasBody = method is not "GET" and not "DELETE" && ((handler?.GetParameters() ?? []).Any(IsBody) || endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>() is not null);
        return new ApiEndpoint(method, endpoint.RoutePattern.RawText!, route, query, hasBody);
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t == typeof(string) || t == typeof(Guid) || t == typeof(DateOnly) || t == typeof(DateTimeOffset) || t.IsEnum;
    }

    private static bool IsBody(ParameterInfo p) =>
        !IsSimple(p.ParameterType) && p.ParameterType.IsClass && p.ParameterType.Namespace?.StartsWith("Varna.Features", StringComparison.Ordinal) == true
        && p.ParameterType.GetConstructors().Length > 0 && !p.ParameterType.Name.EndsWith("Queries", StringComparison.Ordinal)
        && p.ParameterType.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is null
        && (p.ParameterType.Name.EndsWith("Request", StringComparison.Ordinal) || p.ParameterType.Name.EndsWith("Patch", StringComparison.Ordinal));
}

// A value that is refused wherever it goes: the request carrying it cannot be valid by chance.
public sealed record Poison(string Field, Func<Random, FuzzWorld, JsonNode?> Value, bool Remove = false)
{
    // Other fields the poison needs set to reach its check (e.g. "closed" for an outcome).
    public IReadOnlyDictionary<string, JsonNode?> With { get; init; } = new Dictionary<string, JsonNode?>();

    public static Poison Missing(string field) => new(field, (_, _) => null, Remove: true);
    public static Poison Of(string field, params string[] values) => new(field, (r, _) => JsonValue.Create(r.Pick(values)));
    public static Poison Node(string field, Func<Random, FuzzWorld, JsonNode?> value) => new(field, value);
    public static Poison Code(string field) => Of(field, FuzzValues.UnknownCodes);
    public static Poison Huge(string field) => new(field, (r, _) => JsonValue.Create(FuzzValues.Huge(r)));
    public static Poison Blank(string field) => Of(field, "", "   ", "\t\r\n");
    public static Poison BadDate(string field) => Of(field, FuzzValues.BadDates);
    public static Poison UnknownId(string field) => new(field, (_, _) => JsonValue.Create(Guid.NewGuid()));

    public static Poison[] Text(string field) => [Missing(field), Blank(field), Huge(field)];
}

// Who calls an endpoint (an allowed caller, so the fuzz reaches the handler), a valid example of
// its body or query to start from, and the poisons that make it certainly invalid.
public sealed record ApiShape(string Caller, Func<FuzzWorld, JsonObject>? Valid, IReadOnlyList<Poison> Poisons);

public static class FuzzApiTargets
{
    public static ApiShape ShapeOf(ApiEndpoint endpoint) =>
        Shapes.TryGetValue(endpoint.Name, out var shape) ? shape : new ApiShape(CallerOf(endpoint.Pattern), null, []);

    public static bool IsKnown(ApiEndpoint endpoint) => Shapes.ContainsKey(endpoint.Name);

    // A new endpoint is still fuzzed (garbage bodies, bad route values) as the caller its path suggests.
    private static string CallerOf(string pattern) =>
        pattern.StartsWith("/api/v1/cases", StringComparison.Ordinal) ? Demo.Officer
        : pattern.StartsWith("/api/v1/representatives", StringComparison.Ordinal) ? Demo.Admin
        : Demo.Representative;

    // The route value that names the arranged row: a report, its case, a representative.
    public static string? RouteValue(string pattern, string parameter, FuzzWorld w) => parameter switch
    {
        "id" when pattern.StartsWith("/api/v1/reports", StringComparison.Ordinal) => w.ReportId.ToString(),
        "id" when pattern.StartsWith("/api/v1/cases", StringComparison.Ordinal) => w.CaseId.ToString(),
        "id" when pattern.StartsWith("/api/v1/representatives", StringComparison.Ordinal) => w.RepresentativeId.ToString(),
        "evidenceId" => w.EvidenceId.ToString(),
        "measureId" => w.MeasureId.ToString(),
        "followUpId" => w.FollowUpId.ToString(),
        "version" => w.AssessmentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    private const string Rep = Demo.Representative;
    private const string Officer = Demo.Officer;

    private static readonly Dictionary<string, ApiShape> Shapes = new()
    {
        ["POST /api/v1/reports"] = new(Rep, _ => new JsonObject
        {
            ["occurredAt"] = "2026-11-20T18:30",
            ["dangerNow"] = false,
            ["channel"] = "social_media_public",
            ["types"] = new JsonArray("hate_speech", "threat"),
            ["description"] = "Någon skrev att de vet var jag bor.",
            ["wish"] = "request_contact",
            ["target"] = "self",
            ["location"] = "Facebook",
            ["perpetrator"] = new JsonObject { ["category"] = "unknown", ["identifiers"] = new JsonArray("@konto123") },
            ["roleConnection"] = "probably",
            ["agendaItem"] = "Detaljplan för Hamnen",
            ["reportedToPolice"] = false,
        },
        [
            .. Poison.Text("description"), Poison.Missing("channel"), Poison.Code("channel"), Poison.Missing("wish"), Poison.Code("wish"),
            Poison.Missing("types"), Poison.Node("types", (r, _) => r.Next(3) switch { 0 => new JsonArray(), 1 => new JsonArray("telepathy"), _ => new JsonArray(Enumerable.Repeat<JsonNode?>("threat", 40).ToArray()) }),
            Poison.BadDate("occurredAt"), Poison.Code("target"), Poison.Code("roleConnection"), Poison.Code("perpetrator.category"),
            Poison.Node("perpetrator.identifiers", (r, _) => new JsonArray(Enumerable.Range(0, 200).Select(i => (JsonNode?)JsonValue.Create($"id{i}")).ToArray())),
            Poison.Huge("location"), Poison.Huge("agendaItem"), Poison.Huge("policeReference"), Poison.Code("receivedVia"),
            // A representative cannot report on someone else's behalf.
            Poison.Node("onBehalfOfRepresentativeId", (_, w) => JsonValue.Create(w.RepresentativeId)),
        ]),
        ["POST /api/v1/reports/{id:guid}/supplements"] = new(Rep, _ => new JsonObject { ["text"] = "Det hände igen i dag." }, Poison.Text("text")),
        ["POST /api/v1/reports/{id:guid}/messages"] = new(Rep, _ => new JsonObject { ["body"] = "Hej, finns det något nytt?" }, Poison.Text("body")),
        ["POST /api/v1/reports/{id:guid}/links"] = new(Rep, _ => new JsonObject { ["links"] = new JsonArray("https://example.org/inlagg/1") },
        [
            Poison.Node("links", (r, _) => new JsonArray(JsonValue.Create(r.Pick(["inte en länk", "javascript:alert(1)", "ftp://example.org/a", "http://", "https:///x", "file:///etc/passwd", "\u0000"])))),
            Poison.Node("links", (_, _) => new JsonArray()), Poison.Missing("links"), Poison.Huge("text"),
        ]),
        ["POST /api/v1/reports/{id:guid}/evidence"] = new(Rep, null, []),
        ["GET /api/v1/reports/{id:guid}"] = new(Rep, null, []),
        ["GET /api/v1/reports/{id:guid}/messages"] = new(Rep, null, []),
        ["GET /api/v1/reports/{id:guid}/evidence/{evidenceId:guid}"] = new(Rep, null, []),
        ["GET /api/v1/representatives/{id:guid}"] = new(Demo.Admin, null, []),

        ["GET /api/v1/cases/"] = new(Officer, _ => new JsonObject { ["status"] = "new", ["concern"] = "moderate", ["assignee"] = "me", ["overdue"] = "false", ["type"] = "threat", ["page"] = "1" },
        [
            Poison.Code("status"), Poison.Of("status", "closed"), Poison.Code("concern"), Poison.Code("type"),
            Poison.Of("assignee", [.. FuzzValues.BadGuids, Guid.NewGuid().ToString(), "alla", "ME ME"]), Poison.Of("overdue", "maybe", "1", "yes", "ja", "TRUE!"),
            Poison.Of("page", "0", "-1", "abc", "99999999999", "1.5", "1e309", "NaN", "٣"),
        ]),
        ["GET /api/v1/cases/{id:guid}"] = new(Officer, null, []),
        ["GET /api/v1/cases/{id:guid}/assessments"] = new(Officer, null, []),
        ["GET /api/v1/cases/{id:guid}/assessments/{version:int}"] = new(Officer, null, []),
        ["GET /api/v1/cases/{id:guid}/messages"] = new(Officer, null, []),
        ["GET /api/v1/cases/{id:guid}/police-package"] = new(Officer, null, []),
        ["POST /api/v1/cases/{id:guid}/follow-ups/{followUpId:guid}/done"] = new(Officer, null, []),
        ["POST /api/v1/cases/{id:guid}/assign"] = new(Officer, w => new JsonObject { ["officerId"] = w.OfficerId, ["version"] = w.CaseVersion },
        [
            Poison.UnknownId("officerId"), Poison.Node("officerId", (_, w) => JsonValue.Create(w.UserId)), Poison.Node("version", (_, w) => JsonValue.Create(w.CaseVersion + 1000)),
            Poison.Node("version", (_, w) => JsonValue.Create(-w.CaseVersion - 1)),
        ]),
        ["POST /api/v1/cases/{id:guid}/contact"] = new(Officer, w => new JsonObject { ["method"] = "phone", ["note"] = "Samtal", ["version"] = w.CaseVersion },
            [Poison.Missing("method"), Poison.Code("method"), Poison.Blank("method"), Poison.BadDate("contactedAt"), Poison.Huge("note")]),
        ["POST /api/v1/cases/{id:guid}/concern"] = new(Officer, w => new JsonObject { ["level"] = "high", ["reason"] = "Ny information.", ["version"] = w.CaseVersion },
            [Poison.Missing("level"), Poison.Code("level"), .. Poison.Text("reason")]),
        ["POST /api/v1/cases/{id:guid}/status"] = new(Officer, w => new JsonObject { ["status"] = "measures", ["version"] = w.CaseVersion },
        [
            Poison.Missing("status"), Poison.Code("status"), Poison.Blank("status"),
            Poison.Node("outcome", (r, _) => JsonValue.Create(r.Pick([.. FuzzValues.UnknownCodes, "merged"]))) with { With = new Dictionary<string, JsonNode?> { ["status"] = "closed" } },
        ]),
        ["POST /api/v1/cases/{id:guid}/follow-ups"] = new(Officer, w => new JsonObject { ["dueOn"] = "2027-04-01", ["note"] = "Ring upp igen.", ["officerId"] = w.OfficerId },
            [Poison.Missing("dueOn"), Poison.BadDate("dueOn"), Poison.Blank("dueOn"), Poison.UnknownId("officerId"), Poison.Node("officerId", (_, w) => JsonValue.Create(w.UserId)), Poison.Huge("note")]),
        ["POST /api/v1/cases/{id:guid}/notes"] = new(Officer, _ => new JsonObject { ["text"] = "Intern anteckning." }, Poison.Text("text")),
        ["POST /api/v1/cases/{id:guid}/messages"] = new(Officer, w => new JsonObject { ["reportId"] = w.ReportId, ["body"] = "Hej, jag ringer i morgon." },
            [.. Poison.Text("body"), Poison.UnknownId("reportId")]),
        ["POST /api/v1/cases/{id:guid}/links"] = new(Officer, w => new JsonObject { ["reference"] = "DEMO-2026-9999", ["reason"] = "campaign", ["note"] = "Samma konto.", ["merge"] = false, ["version"] = w.CaseVersion },
            [Poison.Of("reference", "DEMO-2026-9999", "NOPE", "", " ", "DEMO-0001-0001"), Poison.Huge("reference"), Poison.UnknownId("caseId"), Poison.Node("caseId", (_, w) => JsonValue.Create(w.CaseId))]),
        ["POST /api/v1/cases/{id:guid}/assessments"] = new(Officer, w => new JsonObject
        {
            ["answers"] = new JsonArray(new JsonObject { ["factor"] = "direct_threat", ["answer"] = "yes", ["note"] = "Skrev att han vet var hon bor." }),
            ["level"] = "high", ["rationale"] = "Direkt hot med adress.", ["reassessOn"] = "2027-01-10", ["version"] = w.CaseVersion,
        },
        [
            Poison.Missing("level"), Poison.Code("level"), .. Poison.Text("rationale"), Poison.Code("answers[0].factor"), Poison.Code("answers[0].answer"),
            Poison.Huge("answers[0].note"), Poison.Of("reassessOn", "2001-01-01", "0001-01-01"),
            Poison.Node("answers", (_, _) => new JsonArray(new JsonObject { ["factor"] = "weapons" }, new JsonObject { ["factor"] = "weapons", ["answer"] = "no" })),
        ]),
        ["POST /api/v1/cases/{id:guid}/measures"] = new(Officer, w => new JsonObject
        {
            ["code"] = "alarm", ["description"] = "Överfallslarm.", ["owner"] = "Säkerhetsenheten", ["ownerOfficerId"] = w.OfficerId, ["status"] = "planned",
            ["startOn"] = "2026-12-01", ["reviewOn"] = "2027-01-15", ["endOn"] = "2027-06-30",
        },
        [Poison.Missing("code"), Poison.Code("code"), Poison.Code("status"), Poison.UnknownId("ownerOfficerId"), Poison.Huge("description"), Poison.Huge("owner")]),
        ["PATCH /api/v1/cases/{id:guid}/measures/{measureId:guid}"] = new(Officer, w => new JsonObject { ["version"] = w.MeasureVersion, ["status"] = "active", ["owner"] = "Polisen" },
        [
            Poison.Missing("version"), Poison.Node("version", (_, w) => JsonValue.Create(w.MeasureVersion + 1000)), Poison.Code("code"), Poison.Code("status"),
            Poison.Node("code", (_, _) => null), Poison.UnknownId("ownerOfficerId"), Poison.Huge("description"),
        ]),
        ["POST /api/v1/cases/{id:guid}/police-report"] = new(Officer, w => new JsonObject
        {
            ["reported"] = true, ["reportedBy"] = "representative", ["reference"] = "5000-K123456-26", ["reportedOn"] = "2026-11-21", ["outcome"] = "under_investigation", ["version"] = w.CaseVersion,
        },
        [
            Poison.Missing("reported"), Poison.Code("reportedBy"), Poison.Code("outcome"), Poison.Huge("reference"), Poison.Huge("outcomeNote"),
            Poison.Of("reportedOn", "2099-01-01", "9999-12-31"), Poison.Node("version", (_, w) => JsonValue.Create(w.CaseVersion + 1000)),
        ]),
    };
}
