package org.habeas.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.habeas.IntegrationTest;
import org.habeas.common.CountryCode;
import org.habeas.common.PageRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The search quality set: 20 synthetic people, near-namesakes of each (same surnames, same given names,
 * the very same name born another year) and 300 more generated Salvadoran and Venezuelan names; then 80 ways an
 * officer might type them — accents dropped, surnames first, second surname missing, typos, transliterations,
 * aliases and maiden names, partial names with the birth year. The right person must be in the top 5 for at
 * least 95 % of them. All names are synthetic combinations of common given names and surnames.
 */
class SearchQualityTest extends IntegrationTest {

    @Autowired
    PeopleService people;

    record Target(String given, String first, String second, String birth, String country, Alias alias) {
    }

    record Variant(int target, String query, Integer birthYear) {
    }

    static final List<Target> TARGETS = List.of(
            new Target("José Wilfredo", "Hernández", "Ramírez", "1988-03-12", "SV", null),
            new Target("María Fernanda", "Vásquez", "Quintanilla", "1995", "SV", null),
            new Target("Yohana Carolina", "Pérez", "Gutiérrez", "1992-07", "VE", null),
            new Target("Jhonny Alexander", "Rodríguez", "Mendoza", "1990-11-02", "VE",
                    new Alias(Alias.Kind.KNOWN_AS, "El Chino")),
            new Target("Ximena Beatriz", "Álvarez", "Zelaya", "1985-01-30", "SV", null),
            new Target("Luis Ángel", "Núñez", "Córdova", "1979-05-05", "VE", null),
            new Target("Wilmer Antonio", "Guevara", "Peña", "1993-09-09", "SV", null),
            new Target("Yesica Marisol", "Castillo", "Ábrego", "1997-02-14", "SV",
                    new Alias(Alias.Kind.MAIDEN_NAME, "Yesica Marisol Rivas Ábrego")),
            new Target("Kevin Josué", "Martínez", "Argueta", "2001-06-21", "SV", null),
            new Target("Génesis Daniela", "Chávez", "Oropeza", "1999-12-01", "VE", null),
            new Target("Óscar Armando", "Mejía", "Hernández", "1983-04-04", "SV",
                    new Alias(Alias.Kind.ALIAS, "Armando Mejía Cruz")),
            new Target("Yorman José", "Briceño", "Salazar", "1994-08-17", "VE", null),
            new Target("Dayana Andreína", "Colmenares", "Rojas", "1996-03-03", "VE", null),
            new Target("Edwin Geovanny", "Portillo", "Cruz", "1987-10-10", "SV", null),
            new Target("Wendy Lisseth", "Ayala", "Menjívar", "1991-01-01", "SV", null),
            new Target("Brayan Enrique", "Sequera", "Torrealba", "2000-02-29", "VE", null),
            new Target("Santos Remberto", "Orellana", "Fuentes", "1975", "SV", null),
            new Target("Yuleisy Coromoto", "Medina", "Guerrero", "1998-07-07", "VE", null),
            new Target("Nelson Eduardo", "Ramos", "de la Cruz", "1986-12-24", "SV", null),
            new Target("Anderson Jesús", "Villalobos", "Parra", "1995-05-15", "VE",
                    new Alias(Alias.Kind.OTHER_SPELLING, "Anderson Jesus Bilalobos Parra")));

    static final List<Variant> VARIANTS = List.of(
            // 0 José Wilfredo Hernández Ramírez
            new Variant(0, "Jose Wilfredo Hernandez Ramirez", null),
            new Variant(0, "HERNANDEZ RAMIREZ JOSE WILFREDO", null),
            new Variant(0, "José Wilfredo Hernández", null),
            new Variant(0, "Jose Wilfrdo Hernadnez Ramirez", null),
            new Variant(0, "Wilfredo Hernández", 1988),
            // 1 María Fernanda Vásquez Quintanilla
            new Variant(1, "Maria Fernanda Vasquez Quintanilla", null),
            new Variant(1, "Maria Fernanda Basquez Quintanilla", null),
            new Variant(1, "Vázquez Quintanilla María", null),
            new Variant(1, "Fernanda Quintanilla", 1995),
            // 2 Yohana Carolina Pérez Gutiérrez
            new Variant(2, "Johana Carolina Perez Gutierrez", null),
            new Variant(2, "Yohanna Carolina Peres Gutierres", null),
            new Variant(2, "Carolina Pérez", 1992),
            new Variant(2, "Gutierrez Perez Yohana", null),
            // 3 Jhonny Alexander Rodríguez Mendoza, "El Chino"
            new Variant(3, "Johnny Alexander Rodriguez Mendoza", null),
            new Variant(3, "Yoni Alexander Rodriguez Mendoza", null),
            new Variant(3, "Jhonny Rodríguez", 1990),
            new Variant(3, "El Chino", 1990),
            new Variant(3, "Jhony Alexnder Rodrigez", null),
            // 4 Ximena Beatriz Álvarez Zelaya
            new Variant(4, "Jimena Beatriz Alvarez Zelaya", null),
            new Variant(4, "Ximena Alvares Selaya", null),
            new Variant(4, "Zelaya Álvarez Ximena Beatriz", null),
            new Variant(4, "Beatriz Zelaya", 1985),
            // 5 Luis Ángel Núñez Córdova
            new Variant(5, "Luis Angel Nunez Cordova", null),
            new Variant(5, "Luis Angel Nunes Cordoba", null),
            new Variant(5, "Luis Núñez", 1979),
            new Variant(5, "Nuñez Cordova Luis", null),
            // 6 Wilmer Antonio Guevara Peña
            new Variant(6, "Wilmer Antonio Guevara Pena", null),
            new Variant(6, "Guilmer Antonio Guevara Peña", null),
            new Variant(6, "Wilmer Guevara", 1993),
            new Variant(6, "Wilmer Antonio Gevara", null),
            // 7 Yesica Marisol Castillo Ábrego, maiden Rivas Ábrego
            new Variant(7, "Jessica Marisol Castillo Abrego", null),
            new Variant(7, "Yesica Marisol Rivas Abrego", null),
            new Variant(7, "Yessica Castillo", 1997),
            new Variant(7, "Castillo Abrego Yesica", null),
            // 8 Kevin Josué Martínez Argueta
            new Variant(8, "Kevin Josue Martinez Argueta", null),
            new Variant(8, "Kebin Josue Martines Argeta", null),
            new Variant(8, "Kevin Martínez", 2001),
            new Variant(8, "Argueta Martinez Kevin Josue", null),
            // 9 Génesis Daniela Chávez Oropeza
            new Variant(9, "Genesis Daniela Chavez Oropeza", null),
            new Variant(9, "Jenesis Daniela Chaves Oropesa", null),
            new Variant(9, "Genesis Chávez", 1999),
            // 10 Óscar Armando Mejía Hernández, alias Armando Mejía Cruz
            new Variant(10, "Oscar Armando Mejia Hernandez", null),
            new Variant(10, "Armando Mejia Cruz", null),
            new Variant(10, "Oscar Mejía", 1983),
            new Variant(10, "Hernandez Mejia Oscar", null),
            // 11 Yorman José Briceño Salazar
            new Variant(11, "Jorman Jose Briceno Salazar", null),
            new Variant(11, "Yorman Briceño", 1994),
            new Variant(11, "Yorman Jose Briseño Salasar", null),
            // 12 Dayana Andreína Colmenares Rojas
            new Variant(12, "Dayana Andreina Colmenares Rojas", null),
            new Variant(12, "Dallana Andreina Colmenarez Rojas", null),
            new Variant(12, "Dayana Rojas", 1996),
            // 13 Edwin Geovanny Portillo Cruz
            new Variant(13, "Edwin Geovany Portillo Cruz", null),
            new Variant(13, "Edwin Giovanni Portillo Cruz", null),
            new Variant(13, "Edwin Portillo", 1987),
            new Variant(13, "Cruz Portillo Edwin", null),
            // 14 Wendy Lisseth Ayala Menjívar
            new Variant(14, "Wendy Liseth Ayala Menjivar", null),
            new Variant(14, "Wendy Ayala", 1991),
            new Variant(14, "Wendi Lisseth Allala Menjibar", null),
            // 15 Brayan Enrique Sequera Torrealba
            new Variant(15, "Brian Enrique Sequera Torrealba", null),
            new Variant(15, "Brayan Sequera", 2000),
            new Variant(15, "Torrealba Sequera Brayan Enrique", null),
            // 16 Santos Remberto Orellana Fuentes
            new Variant(16, "Santos Remberto Orellana Fuentes", null),
            new Variant(16, "Santos Orellana", 1975),
            new Variant(16, "Santos Rremberto Oreyana Fuentes", null),
            // 17 Yuleisy Coromoto Medina Guerrero
            new Variant(17, "Juleisy Coromoto Medina Guerrero", null),
            new Variant(17, "Yuleisi Coromoto Medina", null),
            new Variant(17, "Yuleisy Medina", 1998),
            // 18 Nelson Eduardo Ramos de la Cruz
            new Variant(18, "Nelson Eduardo Ramos Cruz", null),
            new Variant(18, "Nelson Eduardo Ramos De La Cruz", null),
            new Variant(18, "Nelson Ramos", 1986),
            // 19 Anderson Jesús Villalobos Parra, also written Bilalobos
            new Variant(19, "Anderson Jesus Villalobos Parra", null),
            new Variant(19, "Anderson Bilalobos", 1995),
            new Variant(19, "Anderzon Jesus Villalobo Parra", null),
            new Variant(19, "Parra Villalobos Anderson", null));

    static final String[] GIVEN = {"José", "Juan", "Carlos", "Luis", "Jorge", "Miguel", "Pedro", "Francisco",
            "Manuel", "Antonio", "Mario", "Roberto", "Ricardo", "Daniel", "Jesús", "Alexander", "Kevin", "Brayan",
            "Wilmer", "Yorman", "María", "Ana", "Rosa", "Carmen", "Yesenia", "Karla", "Daniela", "Andreína", "Yuleidy",
            "Marisol", "Gabriela", "Fernanda", "Wendy", "Jennifer", "Génesis", "Dayana", "Sofía", "Elena"};
    static final String[] FAMILY = {"Hernández", "López", "García", "Martínez", "Rodríguez", "González", "Pérez",
            "Ramírez", "Flores", "Rivera", "Cruz", "Reyes", "Morales", "Ramos", "Mejía", "Castillo", "Portillo",
            "Guevara", "Vásquez", "Orellana", "Ayala", "Aguilar", "Rojas", "Medina", "Salazar", "Mendoza", "Briceño",
            "Colmenares", "Torrealba", "Villalobos", "Parra", "Chávez", "Gutiérrez", "Álvarez", "Zelaya", "Córdova"};

    @Test
    void theRightPersonIsInTheTopFiveForAtLeast95PercentOfVariants() {
        assertThat(VARIANTS).hasSizeGreaterThanOrEqualTo(60);
        List<PersonId> targets = new ArrayList<>();
        for (Target t : TARGETS) {
            targets.add(register(t.given(), t.first(), t.second(), t.birth(), t.country(), t.alias()));
        }
        var random = new Random(20250316);
        // Near-namesakes of every target: the same surnames, the same given names, the very same name a decade on.
        for (Target t : TARGETS) {
            register(GIVEN[random.nextInt(GIVEN.length)], t.first(), t.second(), t.birth(), t.country(), null);
            register(t.given(), t.first(), FAMILY[random.nextInt(FAMILY.length)], "1970", t.country(), null);
            register(t.given(), t.first(), t.second(), "2004", t.country(), null);
        }
        for (int i = 0; i < 300; i++) {
            String given = GIVEN[random.nextInt(GIVEN.length)] + " " + GIVEN[random.nextInt(GIVEN.length)];
            register(given, FAMILY[random.nextInt(FAMILY.length)], FAMILY[random.nextInt(FAMILY.length)],
                    Integer.toString(1960 + random.nextInt(45)), random.nextBoolean() ? "SV" : "VE", null);
        }
        people.refreshNameStatistics();

        List<String> misses = new ArrayList<>();
        for (Variant v : VARIANTS) {
            var results = people.search(new PersonQuery(v.query(), null, null, v.birthYear(), null, null),
                    new PageRequest(0, 5));
            boolean found = results.items().stream().anyMatch(m -> m.person().id().equals(targets.get(v.target())));
            if (!found) {
                misses.add(v.query() + (v.birthYear() == null ? "" : " +" + v.birthYear()) + " -> "
                        + results.items().stream().map(m -> m.person().fullName() + " " + m.score()).toList());
            }
        }
        double recall = 1.0 - (double) misses.size() / VARIANTS.size();
        System.out.printf("search quality: %d variants, top-5 recall %.3f, misses %s%n", VARIANTS.size(), recall,
                misses);
        assertThat(recall).as("top-5 recall; misses: %s", misses).isGreaterThanOrEqualTo(0.95);
    }

    private PersonId register(String given, String first, String second, String birth, String country, Alias alias) {
        var identity = new Identity(new PersonName(given, first, second, null),
                alias == null ? List.of() : List.of(alias), Birth.parse(birth, null, people.today(), "birthDate"),
                null, RecordedSex.UNKNOWN, null,
                List.of(new Nationality(new CountryCode(country), Nationality.Source.SELF_DECLARED)), List.of(),
                List.of("es"), false, IdentityStatus.UNVERIFIED, null);
        return people.register(new Registration(identity, null, "search quality set", null)).person().id();
    }
}
