/** State stores of the topology: {@link io.qps.stream.state.HeapStateStore}, heap state written at commit. */
package io.qps.stream.state;
