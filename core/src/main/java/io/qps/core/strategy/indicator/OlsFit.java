package io.qps.core.strategy.indicator;

/**
 * The result of {@link Stats#ols}: {@code y = alpha + beta * x + residual} over a window.
 *
 * @param alpha intercept
 * @param beta slope (the hedge ratio when y and x are log prices)
 * @param residualStd population standard deviation of the residuals (their mean is 0)
 * @param lastResidual residual of the newest point
 */
public record OlsFit(double alpha, double beta, double residualStd, double lastResidual) {
    /** The newest residual in residual standard deviations, or NaN when the fit is degenerate. */
    public double zScore() {
        return residualStd > 0 ? lastResidual / residualStd : Double.NaN;
    }
}
