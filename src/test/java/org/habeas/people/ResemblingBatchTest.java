package org.habeas.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.habeas.IntegrationTest;
import org.habeas.TestData;
import org.habeas.access.HabeasUser;
import org.habeas.access.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import tools.jackson.databind.JsonNode;

/**
 * The batch identity check of a manifest's arrivals ({@link PeopleService#resembling}), one call and one journal
 * entry for all the names, finds for each what a search of that name alone finds: the same records at or above the
 * duplicate threshold. A guard for any faster, set-based matcher that replaces the search per name.
 */
class ResemblingBatchTest extends IntegrationTest {

    @Autowired
    PeopleService people;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    record Registered(UUID id, String given, String family, String second, LocalDate birth) {
        String fullName() {
            return given + " " + family + " " + second;
        }
    }

    Registered register(LocalDate birth) {
        String given = TestData.syntheticName();
        String family = TestData.syntheticName();
        String second = TestData.syntheticName();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Map.of("givenNames", given, "firstFamilyName", family, "secondFamilyName", second));
        body.put("birthDate", birth.toString());
        body.put("recordedSex", "MALE");
        UUID id = UUID.fromString(as(Role.INTAKE).post("/api/people", body).expect(201).json().path("id").asString());
        return new Registered(id, given, family, second, birth);
    }

    @Test
    void eachNameOfTheBatchFindsWhatItsOwnSearchFinds() {
        Registered a = register(LocalDate.of(1984, 3, 9));
        Registered b = register(LocalDate.of(1984, 3, 9));
        Registered c = register(LocalDate.of(1991, 11, 30));
        List<PersonQuery> queries = List.of(
                query(a.fullName(), a.birth()),
                query(b.given() + " " + b.family(), b.birth()),                   // no second surname
                query(c.fullName(), a.birth()),                                   // another birth date
                query(TestData.syntheticName() + " " + TestData.syntheticName(), c.birth()),   // nobody
                query(c.fullName(), c.birth()),
                query(c.fullName(), null));                                       // no birth date: alone

        List<List<PersonId>> batch = asIntake(() -> people.resembling(queries));

        assertThat(batch.get(0)).contains(new PersonId(a.id())).doesNotContain(new PersonId(b.id()));
        assertThat(batch.get(1)).contains(new PersonId(b.id()));
        assertThat(batch.get(2)).isEmpty();
        assertThat(batch.get(3)).isEmpty();
        assertThat(batch.get(4)).containsExactly(new PersonId(c.id()));
        assertThat(batch.get(5)).contains(new PersonId(c.id()));
        for (int i = 0; i < queries.size(); i++) {
            assertThat(Set.copyOf(batch.get(i))).as(queries.get(i).toString()).isEqualTo(searchedAlone(queries.get(i)));
        }
    }

    static PersonQuery query(String name, LocalDate birth) {
        return new PersonQuery(name, null, birth, null, null, null);
    }

    // What a search of the one name finds at or above the duplicate threshold.
    Set<PersonId> searchedAlone(PersonQuery q) {
        String path = "/api/people?q=" + URLEncoder.encode(q.name(), StandardCharsets.UTF_8)
                + (q.birthDate() == null ? "" : "&birthDate=" + q.birthDate());
        List<PersonId> found = new ArrayList<>();
        for (JsonNode m : as(Role.INTAKE).get(path).expect(200).json().path("items")) {
            if (m.path("score").asDouble() >= PeopleService.DUPLICATE_THRESHOLD) {
                found.add(new PersonId(UUID.fromString(m.path("person").path("id").asString())));
            }
        }
        return Set.copyOf(found);
    }

    <T> T asIntake(java.util.function.Supplier<T> call) {
        var user = new HabeasUser(UUID.randomUUID(), "batch-intake", "Batch Intake", EnumSet.of(Role.INTAKE),
                Set.of(), true, false, null);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        return call.get();
    }
}
