namespace Varna.Features.Cases;

// Ordered from least to most urgent, so levels compare with < and >.
public enum ConcernLevel { Low, Moderate, High, Acute }

public enum CaseStatus { New, Assessing, Measures, FollowUp, Closed }
