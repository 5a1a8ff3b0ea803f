package org.habeas.access.internal;

import java.security.SecureRandom;
import java.util.Set;

import org.habeas.access.AccessService;
import org.habeas.access.NewUser;
import org.habeas.access.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On an empty database, creates {@code admin} with the password in {@code HABEAS_ADMIN_PASSWORD}, or with a
 * random one printed once to the console (not to the log, which may be shipped elsewhere). There is no default
 * password.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final AccessService access;
    private final String configuredPassword;

    FirstAdministrator(AccessService access, @Value("${habeas.admin-password:}") String configuredPassword) {
        this.access = access;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (access.hasUsers()) {
            return;
        }
        boolean generated = configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        access.createUser(new NewUser("admin", "Administrator", password, Set.of(Role.ADMIN), Set.of()));
        if (generated) {
            System.out.println("""

                    ================================================================
                     Habeas: first start. User 'admin' was created with password:
                         %s
                     It is shown only this once. Log on and change it.
                    ================================================================
                    """.formatted(password));
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
