/**
 * The design-choice campaign behind {@code entente run} and {@code entente report merge}: each
 * experiment is a list of run specs (profile and overrides per variant, times seeds), a measurement
 * turning one run into a {@link dev.entente.campaign.RunRecord} with typed {@link
 * dev.entente.campaign.Metrics} (one record type per experiment), and an aggregator turning all
 * records into a section of the results document ({@link dev.entente.reports.ReportDocument}, the
 * schema the reports module reads): tables and charts built from typed rows by {@link
 * dev.entente.campaign.report.TableBuilder} and {@link dev.entente.campaign.report.BarChart}, and
 * findings written from the same typed values.
 *
 * <p>Deterministic: a record is a pure function of its spec, and a section a pure function of the
 * records, whatever their order or the shard that produced them. Only {@link
 * dev.entente.campaign.CampaignRunner} (threads, the total time) and {@link
 * dev.entente.campaign.Progress} (pacing its output) touch threads or the real clock, and the TLC
 * and benchmark steps run child processes.
 */
package dev.entente.campaign;
