/**
 * The design-choice campaign behind {@code entente run}: each experiment is a list of run specs
 * (profile and overrides per variant, times seeds), a metric extractor turning one run into a flat
 * {@link dev.entente.campaign.RunRecord}, and an aggregator turning all records into a {@link
 * dev.entente.campaign.Section} of the results document (tables, charts and a findings paragraph
 * whose every number is computed from the records).
 *
 * <p>Deterministic: a record is a pure function of its spec, and a section a pure function of the
 * records, whatever their order or the shard that produced them. No real time, no threads.
 */
package dev.entente.campaign;
