/**
 * Building blocks of the strategies' indicators: event-time bars built from mid prices, a
 * fixed-capacity ring buffer of doubles, and the rolling statistics computed over it (means,
 * extremes, an ordinary-least-squares fit).
 *
 * <p>Everything here is deterministic: statistics always iterate a window from its oldest value to
 * its newest, so the result depends only on the window's contents, and every mutable class can
 * write its state to bytes and read it back exactly ({@code writeDouble} keeps every bit).
 * Per-event updates are O(1) and allocate nothing; statistics over a window are O(window) and are
 * meant to run on bar closes only.
 */
package io.qps.core.strategy.indicator;
