package org.habeas.access.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

import org.habeas.access.AccessService;
import org.habeas.access.NewUser;
import org.habeas.access.Role;
import org.habeas.common.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * On an empty database, creates {@code admin} with the password in {@code HABEAS_ADMIN_PASSWORD}, or with a
 * random one written to a file in the data directory that only the service's own user may read. The password never
 * goes to the console or the log: under a service manager or a container both are shipped elsewhere (REQ-50:
 * logs leave the host). The file is deleted at the first start after the password was changed. There is no default password.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

    static final String USERNAME = "admin";
    static final String PASSWORD_FILE = "first-admin-password";

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final AccessService access;
    private final PasswordEncoder passwords;
    private final Path passwordFile;
    private final String configuredPassword;

    FirstAdministrator(AccessService access, PasswordEncoder passwords, DataDirectory data,
                       @Value("${habeas.admin-password:}") String configuredPassword) {
        this.access = access;
        this.passwords = passwords;
        this.passwordFile = data.resolve(PASSWORD_FILE);
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (access.hasUsers()) {
            forgetChangedPassword();
            return;
        }
        boolean generated = configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        if (generated) {
            // Written before the user exists: a start that cannot keep the password must not create an account
            // nobody can log on to.
            writeOwnerOnly(passwordFile, password);
        }
        access.createUser(new NewUser(USERNAME, "Administrator", password, Set.of(Role.ADMIN), Set.of()));
        if (generated) {
            log.warn("First start: user '{}' was created; its password is in {} (readable only by this service's "
                    + "user). Log on and change it; the file is deleted at the next start after that.", USERNAME,
                    passwordFile);
        }
    }

    /** Deletes the password file once it no longer opens the account: it was changed, or the user is gone. */
    private void forgetChangedPassword() {
        if (!Files.exists(passwordFile)) {
            return;
        }
        try {
            String written = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
            boolean stillValid = access.userForLogon(USERNAME).map(u -> u.passwordHash() != null
                    && passwords.matches(written, u.passwordHash())).orElse(false);
            if (!stillValid) {
                Files.delete(passwordFile);
                log.info("Deleted {}: the first administrator's password has been changed", passwordFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or delete " + passwordFile, e);
        }
    }

    static void writeOwnerOnly(Path passwordFile, String password) {
        try {
            Files.deleteIfExists(passwordFile);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                // Created with its permissions, so there is no moment at which another user could open it.
                Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(passwordFile);
            }
            Files.writeString(passwordFile, password + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the first administrator's password to " + passwordFile, e);
        }
    }

    private static String randomPassword() {
        var random = new SecureRandom();
        var password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
