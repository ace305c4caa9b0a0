package com.smartconnect.domain.twofactor;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The single-use codes that stand in for the second factor when the phone or mailbox is lost. Each has 16 base32
 * characters (80 random bits), shown in groups of four; people may type them with or without dashes and in any case.
 */
public final class RecoveryCodes {

    /** How many are issued when two-factor authentication is turned on. */
    public static final int COUNT = 10;
    /** Random bytes behind one code: 10 bytes are exactly 16 base32 characters. */
    public static final int BYTES = 10;
    private static final Pattern NORMAL_FORM = Pattern.compile("[A-Z2-7]{16}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");

    private RecoveryCodes() {
    }

    /** The code as issued to a person: {@code ABCD-EFGH-IJKL-MNOP}. */
    public static String display(byte[] randomBytes) {
        if (randomBytes.length != BYTES) {
            throw new IllegalArgumentException("a recovery code is made of " + BYTES + " random bytes");
        }
        String plain = Base32.encode(randomBytes);
        return plain.substring(0, 4) + "-" + plain.substring(4, 8) + "-" + plain.substring(8, 12) + "-"
                + plain.substring(12, 16);
    }

    /** What a person typed, without separators and upper-cased: the form that is hashed and compared. */
    public static String normalise(String typed) {
        return SEPARATORS.matcher(typed).replaceAll("").toUpperCase(Locale.ROOT);
    }

    /** Whether a normalised input has the shape of a recovery code. */
    public static boolean isWellFormed(String normalised) {
        return NORMAL_FORM.matcher(normalised).matches();
    }
}
