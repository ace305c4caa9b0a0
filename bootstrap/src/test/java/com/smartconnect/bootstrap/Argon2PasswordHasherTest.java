package com.smartconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Argon2PasswordHasherTest {

    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher();

    @Test
    void hashesAreSaltedArgon2idAtOwaspParametersAndCheckOnlyTheirPassword() {
        String first = hasher.hash("Tr1angle!Sky");
        String second = hasher.hash("Tr1angle!Sky");

        assertThat(first).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("Tr1angle");
        assertThat(second).isNotEqualTo(first);
        assertThat(hasher.matches("Tr1angle!Sky", first)).isTrue();
        assertThat(hasher.matches("Tr1angle!Skz", first)).isFalse();
        assertThat(hasher.matches("Tr1angle!Sky", "not a hash")).isFalse();
    }
}
