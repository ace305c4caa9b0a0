package com.smartconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HmacLinkSignerTest {

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private final HmacLinkSigner signer = new HmacLinkSigner(key(7));

    @Test
    void aTokenOpensForItsPurposeAndGivesBackItsSubject() {
        String token = signer.sign("unsubscribe", "3f2c9a1e-0000-4000-8000-000000000001");

        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
        assertThat(signer.verify("unsubscribe", token)).contains("3f2c9a1e-0000-4000-8000-000000000001");
    }

    @Test
    void aTokenOfAnotherPurposeOrKeyDoesNotOpen() {
        String token = signer.sign("unsubscribe", "subject");

        assertThat(signer.verify("enable", token)).isEmpty();
        assertThat(new HmacLinkSigner(key(8)).verify("unsubscribe", token)).isEmpty();
        // Moving bytes between purpose and subject does not make a valid token either.
        assertThat(signer.verify("unsubscrib", signer.sign("unsubscrib", "esubject").replaceFirst("^[^.]+",
                token.substring(0, token.indexOf('.'))))).isEmpty();
    }

    @Test
    void anAlteredOrMalformedTokenDoesNotOpen() {
        String token = signer.sign("unsubscribe", "subject");
        String otherSubject = signer.sign("unsubscribe", "subjecT");

        assertThat(signer.verify("unsubscribe", otherSubject.substring(0, otherSubject.indexOf('.'))
                + token.substring(token.indexOf('.')))).isEmpty();
        assertThat(signer.verify("unsubscribe", token.substring(0, token.length() - 1)
                + (token.endsWith("A") ? "B" : "A"))).isEmpty();
        // The MAC's 32 bytes leave 2 spare bits in its last base64 character: changing only those is another token.
        char last = token.charAt(token.length() - 1);
        String spareBitsChanged = token.substring(0, token.length() - 1) + Character.toString(
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".charAt(
                        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".indexOf(last) ^ 1));
        assertThat(signer.verify("unsubscribe", spareBitsChanged)).isEmpty();
        for (String bad : new String[] {null, "", ".", "abc", "a.b.c", "!!.!!", "x".repeat(600) + ".y"}) {
            assertThat(signer.verify("unsubscribe", bad)).as(String.valueOf(bad)).isEmpty();
        }
    }
}
