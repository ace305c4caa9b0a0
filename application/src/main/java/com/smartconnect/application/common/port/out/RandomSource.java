package com.smartconnect.application.common.port.out;

import java.util.UUID;

/** Randomness for ids, codes and tokens; the implementations are backed by {@link java.security.SecureRandom}. */
public interface RandomSource {

    UUID uuid();

    /** A string of {@code count} random decimal digits, leading zeros included. */
    String digits(int count);

    byte[] bytes(int count);
}
