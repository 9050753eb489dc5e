namespace Varna.Features.Cases;

// The assessment summary on the case page; the form and the versions have pages of their own.
public sealed partial class CaseDetailsModel
{
    // Whether a re-assessment date has come is judged on the organisation's (Swedish) day.
    public DateOnly AssessmentToday => changes.Today;
}
