package com.smartconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AesGcmSecretSealerTest {

    private static final String OWNER = "0193a8d2-5f6e-7c1b-9a3e-2b8f1d4c6e70";
    private final SecureRandomSource random = new SecureRandomSource();
    private final byte[] key = random.bytes(32);
    private final AesGcmSecretSealer sealer = new AesGcmSecretSealer(key, random);
    private final byte[] secret = "an authenticator secret".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Test
    void opensWhatItSealedAndSealsTheSameSecretDifferentlyEachTime() {
        String once = sealer.seal(secret, OWNER);
        String twice = sealer.seal(secret, OWNER);
        assertThat(once).startsWith("v1:").isNotEqualTo(twice);
        assertThat(sealer.unseal(once, OWNER)).isEqualTo(secret);
        assertThat(sealer.unseal(twice, OWNER)).isEqualTo(secret);
        assertThat(new AesGcmSecretSealer(key.clone(), random).unseal(once, OWNER)).as("the key is all it takes").isEqualTo(secret);
    }

    @Test
    void refusesAnAlteredValueAndOneSealedUnderAnotherKey() {
        String sealed = sealer.seal(secret, OWNER);
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
        bytes[bytes.length - 1] ^= 1;
        String altered = "v1:" + Base64.getEncoder().encodeToString(bytes);
        assertThatThrownBy(() -> sealer.unseal(altered, OWNER)).isInstanceOf(IllegalArgumentException.class);
        AesGcmSecretSealer other = new AesGcmSecretSealer(random.bytes(32), random);
        assertThatThrownBy(() -> other.unseal(sealed, OWNER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sealer.unseal(sealed, "another account")).as("bound to its owner")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sealer.unseal("plain", OWNER)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKeyFileIsMadeOnceReadableByItsOwnerOnlyAndReadBackAfterwards(@TempDir Path dataDir) throws Exception {
        Path file = dataDir.resolve("data").resolve(SecretKeyFile.FILE_NAME);
        byte[] made = SecretKeyFile.readOrCreate(file);
        assertThat(made).hasSize(32);
        assertThat(SecretKeyFile.readOrCreate(file)).isEqualTo(made);
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        Files.writeString(file, "c2hvcnQ=\n");
        assertThatThrownBy(() -> SecretKeyFile.readOrCreate(file))
                .isInstanceOf(Configuration.InvalidConfiguration.class).hasMessageContaining("32 bytes");
    }
}
