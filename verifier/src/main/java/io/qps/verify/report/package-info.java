/**
 * The HTML tearsheet of a run ({@code qps report}): {@link io.qps.verify.report.ReportInput} (a run's outputs and
 * the verifier's {@code results_detailed.json}) becomes {@link io.qps.verify.report.ReportData} (equity and
 * underwater curves, hourly returns, their histogram, rolling Sharpe and correlations, the core's statistics, a
 * fills blotter and the replication verdict), which {@link io.qps.verify.report.HtmlReport} inlines with the ECharts
 * WebJar into one page that opens offline.
 */
package io.qps.verify.report;
