package org.habeas.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.transfer.TransferFixtures.aFacility;
import static org.habeas.transfer.TransferFixtures.aPerson;
import static org.habeas.transfer.TransferFixtures.admitUnder;
import static org.habeas.transfer.TransferFixtures.anAgreement;
import static org.habeas.transfer.TransferFixtures.record;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
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

    /** The director records an agreement from the list page; a bad field comes back named, nothing is recorded. */
    @Test
    void theDirectorRecordsAnAgreementFromTheFormAndABadFieldIsNamed() {
        String reference = "FORM-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("reference", reference);
        form.put("title", "Synthetic service agreement");
        form.put("sendingState", "us");
        form.put("sendingAgency", "DHS / ICE");
        form.put("receivingState", "SV");
        form.put("receivingAgency", "Dirección General de Centros Penales");
        form.put("instrument", "EXCHANGE_OF_DIPLOMATIC_NOTES");
        form.put("binding", "on");
        form.put("termStart", TODAY.toString());
        form.put("termEnd", "not a date");
        form.put("priceModel", "LUMP_SUM");
        form.put("priceAmount", "6000000");
        form.put("currency", "usd");
        form.put("capacityCap", "300");
        form.put("acceptedCategories", "alleged_criminal\r\nCONVICTED");
        form.put("standards", "Mandela Rules");
        form.put("accessCounsel", "on");
        form.put("accessInspection", "on");
        form.put("reportingDuties", "monthly report");
        form.put("returnClause", "return on request of the sending state");

        PageSession director = logOn(Role.DIRECTOR);
        assertThat(director.get("/agreements?lang=es").body()).contains("id=\"agreement-form\"")
                .contains("Registrar el acuerdo");
        assertThat(director.post("/agreements", form).statusCode()).isEqualTo(302);
        assertThat(director.get("/agreements?lang=en").body()).contains("id=\"agreement-refused\"")
                .contains("Check: termEnd").contains("value=\"" + reference + "\"");
        assertThat(jdbc.sql("SELECT count(*) FROM agreement WHERE reference = :r").param("r", reference)
                .query(Integer.class).single()).isZero();

        form.put("termEnd", TODAY.plusDays(364).toString());
        var recorded = director.post("/agreements", form);
        assertThat(recorded.statusCode()).isEqualTo(302);
        String location = recorded.headers().firstValue("Location").orElseThrow();
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        assertThat(director.get("/agreements/" + id + "?lang=en").body()).contains("The agreement is recorded");
        var agreement = as(Role.DIRECTOR).get("/api/agreements/" + id).expect(200).json().path("terms");
        assertThat(agreement.path("sendingState").asString()).isEqualTo("US");
        assertThat(agreement.path("binding").asBoolean()).isTrue();
        assertThat(agreement.path("acceptedCategories").toString()).isEqualTo("[\"ALLEGED_CRIMINAL\",\"CONVICTED\"]");
        assertThat(agreement.path("access").path("inspection").asBoolean()).isTrue();
        assertThat(agreement.path("access").path("family").asBoolean()).isFalse();

        assertThat(logOn(Role.SUPERVISOR).get("/agreements").body()).doesNotContain("id=\"agreement-form\"");
        assertThat(logOn(Role.SUPERVISOR).post("/agreements", form).statusCode()).isEqualTo(403);
    }
}
