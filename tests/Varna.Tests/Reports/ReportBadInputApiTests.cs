using System.Text.Json.Nodes;

namespace Varna.Tests.Reports;

// Every bad input gets a 400 problem details that names the field, and nothing is stored.
public sealed class ReportBadInputApiTests(VarnaFactory factory) : IClassFixture<VarnaFactory>
{
    public static TheoryData<string, string, string> UnknownCodes => new()
    {
        { "channel", "pigeon", "social_media_public" },
        { "wish", "revenge", "record_only" },
        { "target", "neighbour", "relative" },
        { "roleConnection", "maybe", "probably" },
    };

    [Theory]
    [MemberData(nameof(UnknownCodes))]
    public async Task Unknown_code_names_the_field_and_the_allowed_codes(string field, string code, string anAllowedCode)
    {
        var body = ReportsArrange.ValidReport();
        body[field] = code;

        var problem = await PostRejectedAsync(body);

        var message = Assert.Single(problem.ProblemErrors(field));
        Assert.Contains(code, message);
        Assert.Contains(anAllowedCode, message);
    }

    [Fact]
    public async Task Unknown_type_and_perpetrator_category_are_named()
    {
        var body = ReportsArrange.ValidReport();
        body["types"] = new JsonArray("threat", "telepathy");
        body["perpetrator"] = new JsonObject { ["category"] = "martian" };

        var problem = await PostRejectedAsync(body);

        Assert.Contains("intimidating_visit", Assert.Single(problem.ProblemErrors("types")));
        Assert.Contains("fixated_person", Assert.Single(problem.ProblemErrors("perpetrator.category")));
    }

    [Theory]
    [InlineData("description")]
    [InlineData("channel")]
    [InlineData("wish")]
    [InlineData("types")]
    public async Task Missing_required_field_is_named(string field)
    {
        var body = ReportsArrange.ValidReport();
        body.Remove(field);

        var problem = await PostRejectedAsync(body);

        Assert.NotEmpty(problem.ProblemErrors(field));
    }

    [Fact]
    public async Task Empty_type_list_and_blank_description_are_refused()
    {
        var body = ReportsArrange.ValidReport("   ");
        body["types"] = new JsonArray();

        var problem = await PostRejectedAsync(body);

        Assert.NotEmpty(problem.ProblemErrors("types"));
        Assert.NotEmpty(problem.ProblemErrors("description"));
    }

    [Theory]
    [InlineData("2099-01-01")]
    [InlineData("2099-01-01T10:00:00Z")]
    public async Task Date_in_the_future_is_refused(string occurredAt)
    {
        var body = ReportsArrange.ValidReport();
        body["occurredAt"] = occurredAt;

        var problem = await PostRejectedAsync(body);

        Assert.Contains("framtiden", Assert.Single(problem.ProblemErrors("occurredAt")));
    }

    [Theory]
    [InlineData("igår")]
    [InlineData("2026-13-45")]
    [InlineData("1066-10-14")]
    public async Task Unreadable_or_absurd_date_is_named(string occurredAt)
    {
        var body = ReportsArrange.ValidReport();
        body["occurredAt"] = occurredAt;

        var problem = await PostRejectedAsync(body);

        Assert.NotEmpty(problem.ProblemErrors("occurredAt"));
    }

    [Fact]
    public async Task Description_over_10000_characters_is_refused_and_exactly_10000_is_accepted()
    {
        var client = await factory.ApiClientAsync(Demo.Representative);

        var problem = await PostRejectedAsync(ReportsArrange.ValidReport(new string('a', 10_001)));
        var accepted = await client.PostReportAsync(ReportsArrange.ValidReport(new string('a', 10_000)));

        Assert.Contains("10000", Assert.Single(problem.ProblemErrors("description")).Replace(" ", "").Replace("\u00a0", ""));
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task Wrong_json_type_names_the_field()
    {
        var body = ReportsArrange.ValidReport();
        body["dangerNow"] = "kanske";

        var problem = await PostRejectedAsync(body);

        Assert.NotEmpty(problem.ProblemErrors("dangerNow"));
    }

    [Fact]
    public async Task Malformed_json_and_wrong_content_type_get_problem_details()
    {
        var client = await factory.ApiClientAsync(Demo.Representative);
        var before = await factory.ReportCountAsync(ReportsArrange.DemoKommun);

        var malformed = await client.PostAsync("/api/v1/reports", new StringContent("{\"description\": \"öppen", System.Text.Encoding.UTF8, "application/json"));
        var text = await client.PostAsync("/api/v1/reports", new StringContent("description=hej", System.Text.Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal("application/problem+json", text.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await factory.ReportCountAsync(ReportsArrange.DemoKommun));
    }

    [Fact]
    public async Task Error_messages_follow_the_request_language()
    {
        var client = await factory.ApiClientAsync(Demo.Representative);
        var body = ReportsArrange.ValidReport();
        body["channel"] = "pigeon";

        var problem = await (await client.PostReportAsync(body, "en")).JsonAsync(HttpStatusCode.BadRequest);

        Assert.StartsWith("Unknown code 'pigeon'. Allowed codes:", Assert.Single(problem.ProblemErrors("channel")));
    }

    [Fact]
    public async Task Representative_cannot_report_on_behalf_of_someone_else()
    {
        var body = ReportsArrange.ValidReport();
        body["onBehalfOfRepresentativeId"] = (await AnyRepresentativeIdAsync(ReportsArrange.DemoKommun)).ToString();

        var problem = await PostRejectedAsync(body);

        Assert.NotEmpty(problem.ProblemErrors("onBehalfOfRepresentativeId"));
    }

    private async Task<Guid> AnyRepresentativeIdAsync(string organisation)
    {
        var id = await factory.OrganisationIdAsync(organisation);
        return await factory.WithDbAsync(id, db => db.Representatives.Select(r => r.Id).FirstAsync());
    }

    // Posts as the demo representative, expects 400 problem details, and checks nothing was stored.
    private async Task<System.Text.Json.JsonElement> PostRejectedAsync(JsonNode body)
    {
        var client = await factory.ApiClientAsync(Demo.Representative);
        var before = await factory.ReportCountAsync(ReportsArrange.DemoKommun);
        var response = await client.PostReportAsync(body);
        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await factory.ReportCountAsync(ReportsArrange.DemoKommun));
        return problem;
    }
}
