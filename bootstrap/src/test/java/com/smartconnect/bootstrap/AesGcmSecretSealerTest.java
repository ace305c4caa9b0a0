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

    private final SecureRandomSource random = new SecureRandomSource();
    private final byte[] key = random.bytes(32);
    private final AesGcmSecretSealer sealer = new AesGcmSecretSealer(key, random);
    private final byte[] secret = "an authenticator secret".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Test
    void opensWhatItSealedAndSealsTheSameSecretDifferentlyEachTime() {
        String once = sealer.seal(secret);
        String twice = sealer.seal(secret);
        assertThat(once).startsWith("v1:").isNotEqualTo(twice);
        assertThat(sealer.unseal(once)).isEqualTo(secret);
        assertThat(sealer.unseal(twice)).isEqualTo(secret);
        assertThat(new AesGcmSecretSealer(key.clone(), random).unseal(once)).as("the key is all it takes").isEqualTo(secret);
    }

    @Test
    void refusesAnAlteredValueAndOneSealedUnderAnotherKey() {
        String sealed = sealer.seal(secret);
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
        bytes[bytes.length - 1] ^= 1;
        String altered = "v1:" + Base64.getEncoder().encodeToString(bytes);
        assertThatThrownBy(() -> sealer.unseal(altered)).isInstanceOf(IllegalArgumentException.class);
        AesGcmSecretSealer other = new AesGcmSecretSealer(random.bytes(32), random);
        assertThatThrownBy(() -> other.unseal(sealed)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sealer.unseal("plain")).isInstanceOf(IllegalArgumentException.class);
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
