package io.qps.core.strategy.indicator;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The last {@code capacity} values pushed, oldest first. {@link #get(int)} index 0 is the oldest
 * value held and {@code size() - 1} the newest. Pushing is O(1) and allocation-free; the state is
 * written in logical order, so two buffers holding the same values write the same bytes whatever
 * their internal layout.
 */
public final class RingBuffer {
    private final double[] values;
    private int head;
    private int size;

    public RingBuffer(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.values = new double[capacity];
    }

    /** Appends {@code value}, dropping the oldest value when full. */
    public void push(double value) {
        if (size < values.length) {
            values[(head + size) % values.length] = value;
            size++;
        } else {
            values[head] = value;
            head = (head + 1) % values.length;
        }
    }

    /** The {@code i}-th value held, 0 = oldest. */
    public double get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + i + " of " + size);
        }
        return values[(head + i) % values.length];
    }

    /** The newest value. */
    public double last() {
        return get(size - 1);
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return values.length;
    }

    public boolean isFull() {
        return size == values.length;
    }

    public void clear() {
        head = 0;
        size = 0;
    }

    /** Writes the number of values and the values, oldest first. */
    public void writeState(DataOutput out) throws IOException {
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            out.writeDouble(get(i));
        }
    }

    /** Reads what {@link #writeState} wrote; the capacity must be able to hold it. */
    public void readState(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > values.length) {
            throw new IOException("ring buffer state holds " + n + " values, capacity is " + values.length);
        }
        head = 0;
        size = n;
        for (int i = 0; i < n; i++) {
            values[i] = in.readDouble();
        }
    }
}
