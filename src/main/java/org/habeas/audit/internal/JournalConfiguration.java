package org.habeas.audit.internal;

import org.habeas.common.DataDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class JournalConfiguration {

    /**
     * {@code habeas.journal.signing-key} (env {@code HABEAS_JOURNAL_SIGNING_KEY}) when set, else the key file in
     * the data directory. {@code habeas.journal.public-key} optionally pins the expected public key.
     */
    @Bean
    JournalKey journalKey(@Value("${habeas.journal.signing-key:}") String signingKey,
                          @Value("${habeas.journal.public-key:}") String publicKey, DataDirectory data) {
        return JournalKey.load(signingKey, publicKey, data);
    }
}
