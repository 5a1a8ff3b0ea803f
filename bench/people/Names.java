import java.util.Random;

/**
 * Synthetic Salvadoran and Venezuelan names: common given names and surnames drawn with a Zipf-like weight, so
 * Hernández, López and José are as crowded as they are in life. Every combination is made up.
 */
final class Names {

    static final String[] SURNAMES = {"Hernández", "López", "Martínez", "García", "Rodríguez", "González", "Pérez",
            "Ramírez", "Flores", "Rivera", "Cruz", "Reyes", "Morales", "Ramos", "Mejía", "Castillo", "Portillo",
            "Guevara", "Vásquez", "Orellana", "Ayala", "Aguilar", "Rojas", "Medina", "Salazar", "Mendoza", "Briceño",
            "Colmenares", "Torrealba", "Villalobos", "Parra", "Chávez", "Gutiérrez", "Álvarez", "Zelaya", "Córdova",
            "Sánchez", "Romero", "Díaz", "Torres", "Gómez", "Jiménez", "Ruiz", "Moreno", "Navarro", "Molina",
            "Contreras", "Marroquín", "Menjívar", "Argueta", "Quintanilla", "Alvarado", "Escobar", "Campos", "Fuentes",
            "Rivas", "Henríquez", "Bonilla", "Lemus", "Cañas", "Guardado", "Alfaro", "Ventura", "Lara", "Amaya",
            "Deras", "Palacios", "Serrano", "Valle", "Sosa", "Urquilla", "Abarca", "Benítez", "Cabrera", "Durán",
            "Escalante", "Figueroa", "Galdámez", "Hidalgo", "Iraheta", "Joya", "Landaverde", "Machado", "Nolasco",
            "Ochoa", "Pineda", "Quijano", "Recinos", "Sibrián", "Tobar", "Umaña", "Vides", "Zepeda", "Acosta",
            "Blanco", "Carrasco", "Dávila", "Echeverría", "Fajardo", "Gil", "Herrera", "Infante", "Linares",
            "Marcano", "Núñez", "Oropeza", "Pacheco", "Quintero", "Rangel", "Sequera", "Tovar", "Uzcátegui",
            "Vargas", "Yépez", "Zambrano", "Arias", "Bolívar", "Colina", "Duarte", "Espinoza", "Fermín", "Guerrero",
            "Hurtado", "Istúriz", "Lugo", "Mora", "Nieves", "Ortega", "Pinto", "Rondón", "Suárez", "Terán",
            "Velásquez", "Aponte", "Barrios", "Castro", "Delgado", "Estrada", "Fonseca", "Graterol", "Ibarra",
            "León", "Montilla", "Noguera", "Olivares", "Peña", "Salcedo", "Toro", "Valera", "Ávila", "Bermúdez",
            "Cordero", "Chirinos", "Escalona", "Fernández", "Gallardo", "Leal", "Matos", "Méndez"};

    static final String[] MALE = {"José", "Juan", "Carlos", "Luis", "Jorge", "Miguel", "Pedro", "Francisco", "Manuel",
            "Antonio", "Mario", "Roberto", "Ricardo", "Daniel", "Jesús", "Alexander", "Kevin", "Brayan", "Wilmer",
            "Yorman", "Óscar", "Edwin", "Nelson", "Santos", "René", "Wilfredo", "Ernesto", "Rafael", "Julio", "Víctor",
            "Josué", "Anderson", "Jhonny", "Yeison", "Deivis", "Eduardo", "Alberto", "Armando", "Geovanny", "Remberto",
            "Rigoberto", "Elmer", "Marvin", "Walter", "Douglas", "Henry", "Jonathan", "Franklin", "Gustavo", "Héctor",
            "Ángel", "Andrés", "Diego", "Samuel", "Isaac", "Moisés", "Abraham", "Orlando", "Reinaldo", "Yonathan",
            "Jefferson", "Wilson", "Richard", "Osmar", "Eliezer", "Gerson", "Nehemías", "Ulises", "Salvador", "Cristian"};

    static final String[] FEMALE = {"María", "Ana", "Rosa", "Carmen", "Yesenia", "Karla", "Daniela", "Andreína",
            "Yuleidy", "Marisol", "Gabriela", "Fernanda", "Wendy", "Jennifer", "Génesis", "Dayana", "Sofía", "Elena",
            "Yohana", "Yesica", "Ximena", "Beatriz", "Carolina", "Lisseth", "Coromoto", "Yuleisy", "Patricia",
            "Alejandra", "Mariela", "Yamileth", "Roxana", "Glenda", "Iris", "Reina", "Blanca", "Lorena", "Milagros",
            "Yusmary", "Oriana", "Valentina", "Isabel", "Guadalupe", "Esperanza", "Fátima", "Claudia", "Marlene"};

    static final String[] NICKNAMES = {"El Flaco", "El Chino", "El Negro", "La Güera", "El Gordo", "Chepe", "Toño",
            "El Catracho", "Beto", "Memo", "Chelo", "La Chata", "El Cipote", "Pancho", "Kike", "Lalo", "Tito"};

    // The long tail: thousands of rarer surnames and (Venezuelan-style) coined given names, built from Spanish
    // stems and endings. Real registers have it; without it a million names would repeat far more than they do.
    static final String[] STEMS = {"Alv", "Bar", "Cal", "Dom", "Esp", "Fer", "Gal", "Her", "Ir", "Jar", "Lan", "Mar",
            "Nav", "Or", "Pal", "Quin", "Ros", "San", "Tor", "Val", "Ver", "Zam", "Ur", "Ech", "Mon", "Cor", "Bel",
            "Car", "Del", "Gar"};
    static final String[] MIDDLES = {"", "an", "er", "ol", "ar", "iv", "en", "ad", "um", "ig"};
    static final String[] ENDINGS = {"ado", "ez", "era", "ino", "ales", "ón", "ía", "anda", "ueta", "illo", "ero",
            "ana", "ides", "aga"};
    static final String[] COINED_START = {"Yu", "Ya", "Ye", "Jo", "Ma", "Da", "Wi", "Ke", "An", "Ro", "Ge", "Le",
            "Mi", "Na", "Ori", "Sa", "Ti", "Va", "Xi", "Ze"};
    static final String[] COINED_MIDDLE = {"li", "ri", "ne", "la", "ma", "se", "the", "sle", "ru"};
    static final String[] COINED_END = {"mar", "ly", "son", "na", "ris", "beth", "dy", "mary", "leidy", "ber"};

    private final Random random;
    private final double[] surnameCdf;

    Names(long seed) {
        random = new Random(seed);
        surnameCdf = zipf(SURNAMES.length, 0.9);
    }

    private String tailSurname() {
        return STEMS[random.nextInt(STEMS.length)] + MIDDLES[random.nextInt(MIDDLES.length)]
                + ENDINGS[random.nextInt(ENDINGS.length)];
    }

    private String coinedGiven() {
        return COINED_START[random.nextInt(COINED_START.length)] + COINED_MIDDLE[random.nextInt(COINED_MIDDLE.length)]
                + COINED_END[random.nextInt(COINED_END.length)];
    }

    Random random() {
        return random;
    }

    String surname() {
        return random.nextInt(100) < 30 ? tailSurname() : SURNAMES[pick(surnameCdf)];
    }

    String given(boolean female) {
        if (random.nextInt(100) < 25) {
            return coinedGiven();
        }
        String[] pool = female ? FEMALE : MALE;
        // A Zipf weight over the given names too: José and María are everywhere.
        int i = (int) Math.min(pool.length - 1, Math.floor(Math.pow(random.nextDouble(), 2.2) * pool.length));
        return pool[i];
    }

    String nickname() {
        return NICKNAMES[random.nextInt(NICKNAMES.length)];
    }

    private int pick(double[] cdf) {
        double u = random.nextDouble();
        int lo = 0;
        int hi = cdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double[] zipf(int n, double s) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1 / Math.pow(i + 1, s);
            cdf[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cdf[i] /= sum;
        }
        return cdf;
    }
}
