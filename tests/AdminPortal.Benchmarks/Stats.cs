/// <summary>Figures of a list of timings.</summary>
internal static class Stats
{
    /// <summary>The nearest-rank percentile (0.5 for the median, 0.95 for p95).</summary>
    public static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
