/**
 * Reading a session's ticks topic back with the project's deserializer ({@code read_committed}), printing its
 * events and progress markers and checking that it holds exactly its dataset, in {@code seq} order within every partition.
 */
package io.qps.producer.consume;
