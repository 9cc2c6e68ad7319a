package dev.migrationguard.code;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes at a time, for the byte prefilters of the code scans: most of a text file is bytes no anchor starts
 * with, and one read of a word with a few operations skips eight of them where a look-up per byte takes eight.
 */
final class ByteWords {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** A byte value in every byte of a word: {@code c * ONES}. */
    static final long ONES = 0x0101010101010101L;
    static final long HIGHS = 0x8080808080808080L;

    private ByteWords() {
    }

    /** The eight bytes at {@code i} (which must leave eight), the first in the low byte. */
    static long word(byte[] b, int i) {
        return (long) LONGS.get(b, i);
    }

    /** Whether a byte of {@code x} is 0: nonzero exactly then (a borrow only starts at a zero byte). */
    static boolean hasZeroByte(long x) {
        return ((x - ONES) & ~x & HIGHS) != 0;
    }

    /** Whether a byte of {@code x} is {@code c}. */
    static boolean hasByte(long x, int c) {
        return hasZeroByte(x ^ ((c & 0xffL) * ONES));
    }
}
