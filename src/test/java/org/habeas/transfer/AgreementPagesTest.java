package org.habeas.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.transfer.TransferFixtures.aFacility;
import static org.habeas.transfer.TransferFixtures.aPerson;
import static org.habeas.transfer.TransferFixtures.admitUnder;
import static org.habeas.transfer.TransferFixtures.anAgreement;
import static org.habeas.transfer.TransferFixtures.record;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.habeas.IntegrationTest;
import org.habeas.PageSession;
import org.habeas.access.Role;
import org.junit.jupiter.api.Test;

/** The agreements list and statement pages: who may read them, in both languages, with the CSV download. */
class AgreementPagesTest extends IntegrationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    PageSession logOn(Role role) {
        return new PageSession(baseUrl()).logOn(newUser(role).username(), PASSWORD_OF_TEST_USERS);
    }

    @Test
    void anInspectorReadsTheListAndTheStatementInBothLanguages() {
        var body = anAgreement(TODAY.minusDays(9), TODAY.plusDays(20));
        body.put("alertDays", 30);
        UUID id = record(as(Role.DIRECTOR), body);
        var estate = aFacility(as(Role.DIRECTOR), 1);
        UUID person = aPerson(as(Role.INTAKE), estate.code(), "VE");
        admitUnder(as(Role.INTAKE), person, estate.code(), id);

        PageSession inspector = logOn(Role.INSPECTOR);
        var list = inspector.get("/agreements?lang=en");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains((String) body.get("reference")).contains("id=\"expiring\"")
                .contains("Exchange of diplomatic notes");
        var statement = inspector.get("/agreements/" + id + "?lang=es");
        assertThat(statement.statusCode()).isEqualTo(200);
        assertThat(statement.body()).contains("Estado de cuentas del acuerdo").contains(person.toString())
                .contains("id=\"people-held\">1<");
        var csv = inspector.get("/agreements/" + id + "/statement.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("people_held,1");
    }

    @Test
    void anAgencyAndAHousingOfficerAreRefused() {
        UUID id = record(as(Role.DIRECTOR), anAgreement(TODAY, TODAY.plusDays(30)));
        assertThat(logOn(Role.AGENCY).get("/agreements").statusCode()).isEqualTo(403);
        assertThat(logOn(Role.HOUSING).get("/agreements/" + id).statusCode()).isEqualTo(403);
    }
}
