namespace Varna.Tests.Reliability;

// What each caller gets from each endpoint, on organisation A's real objects (AuthorizationMatrix.Requests.cs).
// A row is one outcome per caller, in the order of MatrixCaller.Columns:
//
//     anon rep officer admin analyst dpo network | officerB repB adminB dpoB | revoked
//
// rep..network are organisation A's roles (Demo kommun; the network coordinator belongs to no
// organisation), officerB..dpoB are organisation B's (Exempelregionen), revoked is a token its owner
// revoked on the account page. Outcomes: a status code, or for a 302 where it goes: "login" (the
// sign-in page: not signed in) and "denied" (the access-denied page: signed in, wrong role).
// Writes are sent empty or invalid, so an allowed caller typically gets 200 (the form again, with
// its errors) or 400 (problem details); 302 there is a saved change (post/redirect/get).
//
// An endpoint missing here fails the test, and so does a row whose endpoint is gone.
public static class AuthorizationMatrixTable
{
    // A's cases are the security officers' of A alone; anyone else signed in gets 404, as for a case that does not exist.
    private static string Case(string officer) => $"login 404 {officer} 404 404 404 404  404 404 404 404  login";
    private static string CaseApi(string officer) => $"401 404 {officer} 404 404 404 404  404 404 404 404  401";
    // A case list: each officer sees their own organisation's cases.
    private static string CaseList(string officer) => $"login 404 {officer} 404 404 404 404  {officer} 404 404 404  login";
    // Admin pages refuse other roles by redirecting to the access-denied page (the same for every id);
    // B's admin, who may use the page, gets 404 for A's user, representative or mandate.
    private static string AdminOfA(string admin) => $"login denied denied {admin} denied denied denied  denied denied 404 denied  login";
    private static string AdminOwn(string admin) => $"login denied denied {admin} denied denied denied  denied denied {admin} denied  login";
    // The data protection officer's pages (audit log, subject access, erasure): 404 for everyone else;
    // each DPO works on their own organisation (A's representative is not among B's choices).
    private static string Dpo(string dpo) => $"login 404 404 404 404 {dpo} 404  404 404 404 {dpo}  login";
    // The caller's own account: every signed-in caller, on their own account.
    private static string OwnAccount(string signedIn) => $"login {signedIn} {signedIn} {signedIn} {signedIn} {signedIn} {signedIn}  {signedIn} {signedIn} {signedIn} {signedIn}  login";
    // A page without a POST handler (or without the named one): no such form, 404 (UnknownPageHandler).
    private static readonly string NoSuchForm = OwnAccount("404");
    // Open to all; the revoked token has no cookie, so no form token: 400 on its posts.
    private static string Public(string everyone) => $"{everyone} {everyone} {everyone} {everyone} {everyone} {everyone} {everyone}  {everyone} {everyone} {everyone} {everyone}  400";
    private static string Everyone(string everyone) => $"{everyone} {everyone} {everyone} {everyone} {everyone} {everyone} {everyone}  {everyone} {everyone} {everyone} {everyone}  {everyone}";
    // The reporting API: representatives and officers (who report on someone's behalf); the other
    // roles are refused by role (403, whatever the id); B's reporters and officers get 404 for A's report.
    private static string ReportApi(string allowed, string b) => $"401 {allowed} {allowed} 403 403 403 403  {b} {b} 403 403  401";
    // The reporter's own pages (cookie): representatives only.
    private static string Mine(string rep, string repB) => $"login {rep} denied denied denied denied denied  denied {repB} denied denied  login";

    public static readonly IReadOnlyDictionary<string, string> Expected = new Dictionary<string, string>
    {
        ["GET /"] = OwnAccount("200"),
        ["POST /"] = NoSuchForm,
        ["GET /sprak"] = Everyone("302"),
        ["POST /sprak"] = Public("302"),
        ["GET /fel/{code:int}"] = Everyone("404"),
        ["POST /fel/{code:int}"] = Everyone("404"),
        // /api paths nothing answers: 404 problem details for everyone, never the sign-in page.
        ["GET /api/{**path}"] = Everyone("404"),
        ["POST /api/{**path}"] = Everyone("404"),
        ["GET /health"] = Everyone("200"),
        ["POST /health"] = Everyone("200"),
        ["GET /openapi/{documentName}.json"] = Everyone("200"),

        // Signing in and out.
        ["GET /konto/logga-in"] = Everyone("200"),
        ["POST /konto/logga-in"] = Public("200"),
        ["POST /konto/logga-in?handler=Passkey"] = Public("200"),
        ["POST /konto/logga-in?handler=PasskeyOptions"] = Public("200"),
        // The second steps need a half-done sign-in; without one they send everyone back to the first.
        ["GET /konto/logga-in/aterstallningskod"] = Everyone("login"),
        ["POST /konto/logga-in/aterstallningskod"] = Public("login"),
        ["GET /konto/logga-in/tvastegs"] = Everyone("login"),
        ["POST /konto/logga-in/tvastegs"] = Public("login"),
        ["GET /konto/logga-in/extern"] = Everyone("login"),
        ["GET /konto/logga-in/extern/start"] = Everyone("404"), // no identity provider configured
        ["GET /konto/logga-ut"] = Everyone("200"),
        ["POST /konto/logga-ut"] = Public("302"),
        ["GET /konto/valj-losenord"] = Everyone("200"),
        ["POST /konto/valj-losenord"] = Public("200"),
        ["GET /konto/atkomst-nekad"] = OwnAccount("403"),
        ["POST /konto/atkomst-nekad"] = NoSuchForm, // a page with no form at all

        // The caller's own account.
        ["GET /konto"] = OwnAccount("200"),
        ["POST /konto"] = NoSuchForm,
        ["GET /konto/api-nycklar"] = OwnAccount("200"),
        ["POST /konto/api-nycklar"] = OwnAccount("200"),
        // Pointed at a token of A's officer: only its owner may revoke it; for anyone else it does not exist.
        ["POST /konto/api-nycklar?handler=Revoke"] = Case("302"),
        ["GET /konto/aterstallningskoder"] = OwnAccount("200"),
        ["POST /konto/aterstallningskoder"] = OwnAccount("302"),
        ["GET /konto/losenord"] = OwnAccount("200"),
        ["POST /konto/losenord"] = OwnAccount("200"),
        ["GET /konto/losenordsnycklar"] = OwnAccount("200"),
        ["POST /konto/losenordsnycklar"] = NoSuchForm,
        ["POST /konto/losenordsnycklar?handler=Add"] = OwnAccount("200"),
        ["POST /konto/losenordsnycklar?handler=Options"] = OwnAccount("200"),
        ["POST /konto/losenordsnycklar?handler=Remove"] = OwnAccount("404"), // no passkey named: none of the caller's
        ["POST /konto/losenordsnycklar?handler=Rename"] = OwnAccount("404"),
        ["GET /konto/tvastegsverifiering"] = OwnAccount("200"),
        ["POST /konto/tvastegsverifiering"] = OwnAccount("200"),
        ["POST /konto/tvastegsverifiering?handler=Disable"] = OwnAccount("302"),
        ["POST /konto/tvastegsverifiering?handler=Reset"] = OwnAccount("302"),

        // Reporting.
        ["GET /rapportera"] = Mine("200", "200"),
        ["POST /rapportera"] = Mine("200", "200"),
        // An officer registers a report on someone's behalf.
        ["GET /rapportera/registrera"] = "login denied 200 denied denied denied denied  200 denied denied denied  login",
        ["POST /rapportera/registrera"] = "login denied 200 denied denied denied denied  200 denied denied denied  login",
        ["GET /rapportera/kvitto/{id:guid}"] = "login 200 200 denied denied denied denied  404 404 denied denied  login",
        ["POST /rapportera/kvitto/{id:guid}"] = "login 404 404 denied denied denied denied  404 404 denied denied  login",
        ["GET /mina-rapporter"] = Mine("200", "200"),
        ["POST /mina-rapporter"] = Mine("404", "404"),
        ["GET /mina-rapporter/{id:guid}"] = Mine("200", "404"),
        ["POST /mina-rapporter/{id:guid}"] = Mine("404", "404"),
        ["POST /mina-rapporter/{id:guid}?handler=Evidence"] = Mine("200", "404"),
        ["POST /mina-rapporter/{id:guid}?handler=Message"] = Mine("200", "404"),
        ["POST /mina-rapporter/{id:guid}?handler=Supplement"] = Mine("200", "404"),
        ["GET /mina-rapporter/{id:guid}/bevis/{evidenceId:guid}"] = Mine("200", "404"),
        ["GET /api/v1/me"] = "401 200 200 200 200 200 200  200 200 200 200  401",
        ["POST /api/v1/reports"] = ReportApi("400", "400"),
        ["GET /api/v1/reports/mine"] = ReportApi("200", "200"),
        ["GET /api/v1/reports/{id:guid}"] = ReportApi("200", "404"),
        ["POST /api/v1/reports/{id:guid}/evidence"] = ReportApi("201", "404"),
        ["GET /api/v1/reports/{id:guid}/evidence/{evidenceId:guid}"] = ReportApi("200", "404"),
        ["POST /api/v1/reports/{id:guid}/links"] = ReportApi("400", "404"),
        ["GET /api/v1/reports/{id:guid}/messages"] = ReportApi("200", "404"),
        ["POST /api/v1/reports/{id:guid}/messages"] = ReportApi("400", "404"),
        ["POST /api/v1/reports/{id:guid}/supplements"] = ReportApi("400", "404"),

        // Case handling, pages.
        ["GET /arenden"] = CaseList("200"),
        ["POST /arenden"] = NoSuchForm,
        ["GET /arenden/att-gora"] = CaseList("200"),
        ["POST /arenden/att-gora"] = NoSuchForm,
        ["GET /arenden/{id:guid}"] = Case("200"),
        ["POST /arenden/{id:guid}"] = NoSuchForm,
        ["GET /arenden/{id:guid}?handler=Evidence"] = Case("200"),
        ["POST /arenden/{id:guid}?handler=Assign"] = Case("302"), // no officer named: unassigned, saved
        ["POST /arenden/{id:guid}?handler=Close"] = Case("200"),
        ["POST /arenden/{id:guid}?handler=Concern"] = Case("200"),
        ["POST /arenden/{id:guid}?handler=Contact"] = Case("200"),
        ["POST /arenden/{id:guid}?handler=FollowUp"] = Case("200"),
        ["POST /arenden/{id:guid}?handler=FollowUpDone"] = Case("302"),
        ["POST /arenden/{id:guid}?handler=Link"] = Case("200"),
        ["POST /arenden/{id:guid}?handler=Measure"] = Case("200"),
        ["POST /arenden/{id:guid}?handler=Merge"] = Case("200"),
        ["POST /arenden/{id:guid}?handler=Move"] = Case("200"),
        ["POST /arenden/{id:guid}?handler=Note"] = Case("200"),
        ["POST /arenden/{id:guid}?handler=Police"] = Case("200"),
        ["POST /arenden/{id:guid}?handler=Reopen"] = Case("200"),
        ["POST /arenden/{id:guid}?handler=Reply"] = Case("200"),
        ["GET /arenden/{id:guid}/atgarder/{measureId:guid}"] = Case("200"),
        ["POST /arenden/{id:guid}/atgarder/{measureId:guid}"] = Case("200"),
        ["GET /arenden/{id:guid}/bedomning"] = Case("200"),
        ["POST /arenden/{id:guid}/bedomning"] = Case("200"),
        ["POST /arenden/{id:guid}/bedomning?handler=Suggest"] = Case("200"),
        ["GET /arenden/{id:guid}/bedomning/{version:int}"] = Case("200"),
        ["POST /arenden/{id:guid}/bedomning/{version:int}"] = NoSuchForm,
        ["GET /arenden/{id:guid}/polisanmalan"] = Case("200"),
        ["POST /arenden/{id:guid}/polisanmalan"] = NoSuchForm,
        ["GET /arenden/{id:guid}/polisanmalan.docx"] = Case("200"),
        ["POST /arenden/{id:guid}/polisanmalan.docx"] = NoSuchForm,

        // Case handling, API.
        ["GET /api/v1/cases/"] = "401 404 200 404 404 404 404  200 404 404 404  401",
        ["GET /api/v1/cases/todo"] = "401 404 200 404 404 404 404  200 404 404 404  401",
        ["GET /api/v1/cases/{id:guid}"] = CaseApi("200"),
        ["GET /api/v1/cases/{id:guid}/assessments"] = CaseApi("200"),
        ["POST /api/v1/cases/{id:guid}/assessments"] = CaseApi("400"),
        ["GET /api/v1/cases/{id:guid}/assessments/{version:int}"] = CaseApi("200"),
        ["POST /api/v1/cases/{id:guid}/assign"] = CaseApi("200"), // {}: unassigned, saved
        ["POST /api/v1/cases/{id:guid}/concern"] = CaseApi("400"),
        ["POST /api/v1/cases/{id:guid}/contact"] = CaseApi("400"),
        ["POST /api/v1/cases/{id:guid}/follow-ups"] = CaseApi("400"),
        ["POST /api/v1/cases/{id:guid}/follow-ups/{followUpId:guid}/done"] = CaseApi("200"),
        ["POST /api/v1/cases/{id:guid}/links"] = CaseApi("400"),
        ["POST /api/v1/cases/{id:guid}/measures"] = CaseApi("400"),
        ["PATCH /api/v1/cases/{id:guid}/measures/{measureId:guid}"] = CaseApi("400"),
        ["GET /api/v1/cases/{id:guid}/messages"] = CaseApi("200"),
        ["POST /api/v1/cases/{id:guid}/messages"] = CaseApi("400"),
        ["POST /api/v1/cases/{id:guid}/notes"] = CaseApi("400"),
        ["GET /api/v1/cases/{id:guid}/police-package"] = CaseApi("200"),
        ["POST /api/v1/cases/{id:guid}/police-report"] = CaseApi("400"),
        ["POST /api/v1/cases/{id:guid}/status"] = CaseApi("400"),

        // Administration. The user pages point at an account made for this test (see the arrange).
        ["GET /admin/anvandare"] = AdminOwn("200"),
        ["POST /admin/anvandare"] = AdminOwn("404"),
        ["GET /admin/anvandare/ny"] = AdminOwn("200"),
        ["POST /admin/anvandare/ny"] = AdminOwn("200"),
        ["GET /admin/anvandare/{id:guid}"] = AdminOfA("200"),
        ["POST /admin/anvandare/{id:guid}"] = AdminOfA("200"),
        ["POST /admin/anvandare/{id:guid}?handler=Deactivate"] = AdminOfA("302"),
        ["POST /admin/anvandare/{id:guid}?handler=Reactivate"] = AdminOfA("302"),
        ["POST /admin/anvandare/{id:guid}?handler=ResendInvitation"] = AdminOfA("200"),
        ["POST /admin/anvandare/{id:guid}?handler=ResetTwoFactor"] = AdminOfA("200"),
        ["GET /admin/fortroendevalda"] = AdminOwn("200"),
        ["POST /admin/fortroendevalda"] = AdminOwn("404"),
        ["GET /admin/fortroendevalda/import"] = AdminOwn("200"),
        ["POST /admin/fortroendevalda/import"] = AdminOwn("200"),
        ["GET /admin/fortroendevalda/import/mall.csv"] = AdminOwn("200"),
        ["GET /admin/fortroendevalda/ny"] = AdminOwn("200"),
        ["POST /admin/fortroendevalda/ny"] = AdminOwn("200"),
        ["GET /admin/fortroendevalda/{id:guid}"] = AdminOfA("200"),
        ["POST /admin/fortroendevalda/{id:guid}"] = AdminOfA("200"),
        ["GET /admin/fortroendevalda/{id:guid}/uppdrag/ny"] = AdminOfA("200"),
        ["POST /admin/fortroendevalda/{id:guid}/uppdrag/ny"] = AdminOfA("200"),
        ["GET /admin/fortroendevalda/{id:guid}/uppdrag/{mandateId:guid}"] = AdminOfA("200"),
        ["POST /admin/fortroendevalda/{id:guid}/uppdrag/{mandateId:guid}"] = AdminOfA("200"),
        ["POST /admin/fortroendevalda/{id:guid}/uppdrag/{mandateId:guid}?handler=End"] = AdminOfA("200"),
        ["GET /admin/installningar"] = AdminOwn("200"),
        ["POST /admin/installningar"] = AdminOwn("200"),
        ["GET /api/v1/representatives"] = "401 403 200 200 403 403 403  200 403 200 403  401",
        ["GET /api/v1/representatives/{id:guid}"] = "401 403 200 200 403 403 403  404 403 404 403  401",

        // Data protection. The exports and erasure are posted with A's representative.
        ["GET /dataskydd/logg"] = Dpo("200"),
        ["POST /dataskydd/logg"] = NoSuchForm,
        ["GET /dataskydd/logg.csv"] = Dpo("200"),
        ["POST /dataskydd/logg.csv"] = NoSuchForm,
        ["GET /dataskydd/registerutdrag"] = Dpo("200"),
        ["POST /dataskydd/registerutdrag"] = Dpo("200"),
        ["GET /dataskydd/radering"] = Dpo("200"),
        ["POST /dataskydd/radering"] = Dpo("200"),
        ["GET /dataskydd/radering/kvitto"] = Dpo("200"),
        ["POST /dataskydd/radering/kvitto"] = NoSuchForm,
    };
}
