package com.smartconnect.application.fake;

import com.smartconnect.application.common.port.out.RandomSource;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;

/** Real randomness, except for the digit strings a test scripts in advance, so codes are known and distinct. */
public final class ScriptedRandomSource implements RandomSource {

    private final SecureRandom random = new SecureRandom();
    private final Deque<String> digits = new ArrayDeque<>();

    /** The next calls of {@link #digits} answer these, in order; after them, random digits again. */
    public ScriptedRandomSource willDraw(String... next) {
        digits.addAll(java.util.List.of(next));
        return this;
    }

    @Override
    public UUID uuid() {
        return new UUID(random.nextLong() & ~0xF000L | 0x4000L, random.nextLong() & ~(0xCL << 60) | (0x8L << 60));
    }

    @Override
    public String digits(int count) {
        if (!digits.isEmpty()) {
            return digits.poll();
        }
        StringBuilder drawn = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            drawn.append((char) ('0' + random.nextInt(10)));
        }
        return drawn.toString();
    }

    @Override
    public byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
