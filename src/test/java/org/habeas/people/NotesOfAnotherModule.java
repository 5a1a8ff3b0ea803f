package org.habeas.people;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stands in for a module above people (custody, legal) in the merge test: its own table of rows that point at a
 * person, re-pointed through the same {@link PersonReferences} mechanism. Found by component scan in tests only.
 */
@Component
class NotesOfAnotherModule implements PersonReferences {

    private final JdbcClient jdbc;

    NotesOfAnotherModule(JdbcClient jdbc) {
        this.jdbc = jdbc;
        jdbc.sql("""
                CREATE TABLE IF NOT EXISTS test_person_note (
                    id        bigserial PRIMARY KEY,
                    person_id uuid NOT NULL REFERENCES person (id),
                    note      text NOT NULL)
                """).update();
    }

    @Override
    public String name() {
        return "test.notes";
    }

    @Override
    public int repoint(PersonId duplicate, PersonId survivor) {
        return jdbc.sql("UPDATE test_person_note SET person_id = :survivor WHERE person_id = :duplicate")
                .param("survivor", survivor.value()).param("duplicate", duplicate.value()).update();
    }

    void add(PersonId person, String note) {
        jdbc.sql("INSERT INTO test_person_note (person_id, note) VALUES (:person, :note)")
                .param("person", person.value()).param("note", note).update();
    }

    long count(PersonId person) {
        return jdbc.sql("SELECT count(*) FROM test_person_note WHERE person_id = :person")
                .param("person", person.value()).query(Long.class).single();
    }
}
