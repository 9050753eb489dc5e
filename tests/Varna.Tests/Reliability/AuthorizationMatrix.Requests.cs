using System.Text.RegularExpressions;
using Varna.Tests.Reports;

namespace Varna.Tests.Reliability;

// Turns a route into a request on organisation A's real objects.
public static partial class AuthorizationMatrixRequests
{
    // Calls that end or change the caller's own session (sign-out, or a new security stamp, which
    // ends every session of the account once the stamp is next checked); each runs on a fresh
    // session, and every caller signs in anew after the row (see the test class).
    public static bool EndsSession(MatrixEndpoint endpoint) =>
        endpoint is { IsPage: true, Method: "POST" }
        && (endpoint.Route == "/konto/logga-ut"
            || endpoint.Route == "/konto/aterstallningskoder"
            || endpoint.Route == "/konto/tvastegsverifiering"
            || endpoint.Route.StartsWith("/konto/logga-in", StringComparison.Ordinal)
            || endpoint.Route == "/konto/losenordsnycklar");

    // Sent: the URL and form fields, i.e. everything the caller itself put in the request.
    public static async Task<(HttpRequestMessage Request, string Sent)> BuildAsync(VarnaFactory factory, MatrixEndpoint endpoint, MatrixCaller caller, MatrixData data)
    {
        var url = Fill(endpoint.Route, data);
        if (endpoint.Handler is not null) url += $"?handler={endpoint.Handler}";
        // The case page's evidence download names the report and the file in its query.
        if (endpoint is { Method: "GET", Handler: "Evidence" } && endpoint.Route.StartsWith("/arenden/", StringComparison.Ordinal))
            url += $"&reportId={data.ReportId}&evidenceId={data.EvidenceId}";
        var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), url);
        if (endpoint.Method is "GET" or "HEAD") return (request, url);

        if (endpoint.IsPage)
        {
            var fields = new Dictionary<string, string>();
            if (caller.Antiforgery is { } token) fields["__RequestVerificationToken"] = token;
            foreach (var (name, value) in await FieldsAsync(factory, endpoint, data)) fields[name] = value;
            request.Content = new FormUrlEncodedContent(fields);
            return (request, url + "\n" + string.Join("\n", fields.Values));
        }
        else if (endpoint.TakesMultipart)
            request.Content = ReportsArrange.Files(("matris.png", ReportsArrange.Png));
        else
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        return (request, url);
    }

    // The few fields that point a form at A's objects; every other form is posted empty.
    private static async Task<IEnumerable<(string, string)>> FieldsAsync(VarnaFactory factory, MatrixEndpoint endpoint, MatrixData data)
    {
        if (endpoint.Route.StartsWith("/arenden/{id:guid}", StringComparison.Ordinal))
        {
            var version = await factory.WithDbAsync(null, db => db.Cases.IgnoreQueryFilters().Where(c => c.Id == data.CaseId).Select(c => c.Version).SingleAsync());
            return [("Version", version.ToString()), ("followUpId", data.FollowUpId.ToString()), ("Reply.ReportId", data.ReportId.ToString())];
        }
        return endpoint.Route switch
        {
            "/konto/api-nycklar" when endpoint.Handler == "Revoke" => [("id", data.SacrificialTokenId.ToString())],
            "/dataskydd/registerutdrag" or "/dataskydd/radering" => [("Input.RepresentativeId", data.RepresentativeId.ToString())],
            _ => [],
        };
    }

    private static string Fill(string route, MatrixData data) => Parameter().Replace(route, match =>
    {
        var name = match.Groups["name"].Value;
        return (name, route) switch
        {
            ("id", _) when route.StartsWith("/arenden/", StringComparison.Ordinal) || route.StartsWith("/api/v1/cases/", StringComparison.Ordinal) => data.CaseId.ToString(),
            ("id", _) when route.StartsWith("/admin/anvandare/", StringComparison.Ordinal) => data.TargetUserId.ToString(),
            ("id", _) when route.StartsWith("/admin/fortroendevalda/", StringComparison.Ordinal) || route.StartsWith("/api/v1/representatives/", StringComparison.Ordinal) => data.RepresentativeId.ToString(),
            ("id", _) when route.StartsWith("/mina-rapporter/", StringComparison.Ordinal) || route.StartsWith("/rapportera/kvitto/", StringComparison.Ordinal) || route.StartsWith("/api/v1/reports/", StringComparison.Ordinal) => data.ReportId.ToString(),
            ("evidenceId", _) => data.EvidenceId.ToString(),
            ("measureId", _) => data.MeasureId.ToString(),
            ("followUpId", _) => data.FollowUpId.ToString(),
            ("mandateId", _) => data.MandateId.ToString(),
            ("version", _) => "1",
            ("code", _) => "404",
            ("documentName", _) => "v1",
            ("path", _) => "v1/finns-inte",
            _ => throw new InvalidOperationException($"No value of organisation A for '{name}' in {route}: add one to AuthorizationMatrixRequests.Fill."),
        };
    });

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z]+)(:[^}]*)?\}")]
    private static partial Regex Parameter();
}
