import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Registration throughput with duplicate checking: POST /api/people with synthetic names (many collide with the
 * loaded million and are answered 409 POSSIBLE_DUPLICATE after the full check), 1 and 8 concurrent clients.
 * Usage: RegisterBench BASE_URL TOKEN CLIENTS REQUESTS_PER_CLIENT SEED
 */
public class RegisterBench {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int clients = Integer.parseInt(args[2]);
        int each = Integer.parseInt(args[3]);
        long seed = Long.parseLong(args[4]);
        var http = HttpClient.newHttpClient();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger duplicates = new AtomicInteger();
        long[] latencies = new long[clients * each];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                var names = new Names(seed + client);
                for (int i = 0; i < each; i++) {
                    String body = body(names, seed, client, i);
                    long t1 = System.nanoTime();
                    HttpResponse<String> response;
                    try {
                        response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/people"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    latencies[client * each + i] = System.nanoTime() - t1;
                    if (response.statusCode() == 201) {
                        created.incrementAndGet();
                    } else if (response.statusCode() == 409 && response.body().contains("POSSIBLE_DUPLICATE")) {
                        duplicates.incrementAndGet();
                    } else {
                        throw new IllegalStateException(response.statusCode() + " " + response.body());
                    }
                }
                return null;
            }));
        }
        for (var f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);
        System.out.printf("register %d client(s) x %d: %.1f registrations/s (%d created, %d held as possible duplicates)"
                        + "  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms%n", clients, each, clients * each / seconds,
                created.get(), duplicates.get(), SearchBench.pct(latencies, 50), SearchBench.pct(latencies, 95),
                SearchBench.pct(latencies, 99));
    }

    static String body(Names names, long seed, int client, int i) {
        var r = names.random();
        String given = names.given(false) + " " + names.given(false);
        String date = String.format("%d-%02d-%02d", 1950 + r.nextInt(57), 1 + r.nextInt(12), 1 + r.nextInt(28));
        String number = String.format("R%d%02d%06d", seed % 1000, client, i);
        return """
                {"name":{"givenNames":"%s","firstFamilyName":"%s","secondFamilyName":"%s"},"birthDate":"%s",
                 "recordedSex":"MALE","nationalities":[{"country":"SV","determinedFrom":"PASSPORT"}],
                 "documents":[{"type":"PASSPORT","issuer":"SV","number":"%s"}],"languages":["es"]}
                """.formatted(given, names.surname(), names.surname(), date, number);
    }
}
