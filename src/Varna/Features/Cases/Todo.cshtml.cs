using Varna.Features.Reports;

namespace Varna.Features.Cases;

// "Att göra": the signed-in officer's own follow-ups, measure reviews and re-assessments.
public sealed class TodoModel(AppDbContext db, TimeProvider time) : PageModel
{
    public TodoList List { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        List = await TodoQuery.ForAsync(db, Reporter.From(User)!.UserId, time.Today(), cancellationToken);

    public static string What(TodoItem item, IStringLocalizer text) => item.Kind switch
    {
        TodoKind.FollowUp => item.Note is { } note ? text["Todo.FollowUpNote", note] : text["Todo.FollowUp"],
        TodoKind.MeasureReview => text["Todo.MeasureReview", item.Note is { } description
            ? $"{text["Measure." + Codes.Of(item.Measure!.Value)]} ({description})"
            : text["Measure." + Codes.Of(item.Measure!.Value)].Value],
        _ => text["Todo.Reassessment"],
    };
}
