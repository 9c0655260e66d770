namespace Feed.Functions;

/// <summary>NCRONTAB schedules (six fields, seconds first) of the timer-triggered functions.</summary>
public static class Schedules
{
    /// <summary>
    /// Every five minutes, at second 0. A constant rather than a <c>%setting%</c>: a missing setting would stop the
    /// host from indexing every function, and the interval is a cost decision (each run wakes a Flex Consumption
    /// instance) that belongs in review, not in per-environment configuration.
    /// </summary>
    public const string Reconcile = "0 */5 * * * *";
}
