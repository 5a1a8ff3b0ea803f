package org.habeas.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.habeas.IntegrationTest;
import org.habeas.PageSession;
import org.junit.jupiter.api.Test;

/** The public locator page (REQ-16): open to anyone in both languages, with the API's validation and limits. */
class LocatorPagesTest extends IntegrationTest {

    @Test
    void anyoneAsksInEitherLanguageAndABadDateOrTooManyEnquiriesAreRefusedOnThePage() {
        jdbc.sql("DELETE FROM rights_locator_enquiry").update();
        PageSession visitor = new PageSession(baseUrl());
        assertThat(visitor.get("/locator?lang=en").body()).contains("Find a person in custody")
                .doesNotContain("id=\"nav-people\"");
        assertThat(visitor.get("/locator?lang=es").body()).contains("Buscar a una persona privada de libertad");

        var badDate = visitor.post("/locator", Map.of("fullName", "Nadie Ficticio", "birthDate", "31/31/1990"));
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("id=\"locator-refused\"").contains("value=\"Nadie Ficticio\"");

        for (int i = 0; i < 10; i++) {
            var answer = visitor.post("/locator", Map.of("registerNumber", "SV-2026-00000001" + i));
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("id=\"outcome-NOT_HELD\"");
        }
        var limited = visitor.post("/locator", Map.of("registerNumber", "SV-2026-000000020"));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.body()).contains("Demasiadas consultas desde aquí");
    }
}
