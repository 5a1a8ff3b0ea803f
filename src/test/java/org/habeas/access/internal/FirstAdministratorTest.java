package org.habeas.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.habeas.IntegrationTest;
import org.habeas.common.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The first administrator's generated password is kept in an owner-only file, never in the log (REQ-50). */
class FirstAdministratorTest extends IntegrationTest {

    @Autowired
    PasswordEncoder passwords;

    @TempDir
    Path data;

    @Test
    void theGeneratedPasswordFileIsReadableOnlyByTheServiceUser() throws Exception {
        Path file = data.resolve(FirstAdministrator.PASSWORD_FILE);
        Files.writeString(file, "an older file");

        FirstAdministrator.writeOwnerOnly(file, "Kx7pQ2mWz9RtB4nHs8Lc");

        assertThat(Files.readString(file).strip()).isEqualTo("Kx7pQ2mWz9RtB4nHs8Lc");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void theFileStaysWhileItsPasswordStillOpensTheAccount() throws Exception {
        Path file = data.resolve(FirstAdministrator.PASSWORD_FILE);
        FirstAdministrator.writeOwnerOnly(file, ADMIN_PASSWORD);

        startAgain();

        assertThat(file).exists();
    }

    @Test
    void theFileIsDeletedAtTheFirstStartAfterThePasswordWasChanged() throws Exception {
        Path file = data.resolve(FirstAdministrator.PASSWORD_FILE);
        FirstAdministrator.writeOwnerOnly(file, "a password that is no longer the admin's");

        startAgain();

        assertThat(file).doesNotExist();
    }

    private void startAgain() {
        new FirstAdministrator(access, passwords, new DataDirectory(data), "")
                .run(new DefaultApplicationArguments());
    }
}
