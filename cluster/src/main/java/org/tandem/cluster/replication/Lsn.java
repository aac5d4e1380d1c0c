package org.tandem.cluster.replication;

/** A position in a node's write-ahead log, as PostgreSQL writes it ({@code 16/B374D848}). */
public record Lsn(long value) implements Comparable<Lsn> {

    public static final Lsn ZERO = new Lsn(0);

    public static Lsn parse(String written) {
        if (written == null) {
            return ZERO;
        }
        int slash = written.indexOf('/');
        if (slash < 1) {
            throw new IllegalArgumentException("not a WAL position: " + written);
        }
        return new Lsn((Long.parseUnsignedLong(written.substring(0, slash), 16) << 32)
                | Long.parseUnsignedLong(written.substring(slash + 1), 16));
    }

    public boolean isBefore(Lsn other) {
        return compareTo(other) < 0;
    }

    public static Lsn later(Lsn a, Lsn b) {
        return a.isBefore(b) ? b : a;
    }

    @Override
    public int compareTo(Lsn other) {
        return Long.compareUnsigned(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toHexString(value >>> 32).toUpperCase() + "/" + Long.toHexString(value & 0xFFFFFFFFL).toUpperCase();
    }
}
