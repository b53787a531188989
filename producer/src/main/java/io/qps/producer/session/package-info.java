/**
 * Sessions: safe session ids, the names of every per-session topic, and the session manifest recorded in the
 * compacted topic {@code qps.sessions} so replay and verify can check what a session was made from.
 */
package io.qps.producer.session;
