namespace ServiceBot.Benchmarks.Scaling;

/// <summary>Least-squares line y = Intercept + Slope·x with its coefficient of determination.</summary>
public sealed record LinearFit(double Intercept, double Slope, double RSquared)
{
    public static LinearFit Of(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count || x.Count < 2) throw new ArgumentException("a fit needs at least two points of x and y");
        double meanX = x.Average(), meanY = y.Average(), sxx = 0, sxy = 0, syy = 0;
        for (var i = 0; i < x.Count; i++)
        {
            sxx += (x[i] - meanX) * (x[i] - meanX);
            sxy += (x[i] - meanX) * (y[i] - meanY);
            syy += (y[i] - meanY) * (y[i] - meanY);
        }
        var slope = sxx == 0 ? 0 : sxy / sxx;
        var intercept = meanY - slope * meanX;
        // A flat series is fitted perfectly by its mean.
        var rSquared = syy == 0 ? 1 : sxy * sxy / (sxx * syy);
        return new LinearFit(intercept, slope, rSquared);
    }

    public double At(double x) => Intercept + Slope * x;
}
