import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * Estate benchmark against a running server (bench/estate/run.sh starts one): imports the 80,000-place layout
 * (16 modules x 32 cells x 156 places) into each of FACILITIES new facilities, timing each import, then times the
 * occupancy reports over HTTP. Needs nothing but the JDK. Usage: EstateBench BASE_URL ADMIN_PASSWORD PREFIX FACILITIES N
 */
public class EstateBench {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String password = args[1];
        String prefix = args[2];
        int facilities = Integer.parseInt(args[3]);
        int requests = Integer.parseInt(args[4]);
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password)
                .getBytes(StandardCharsets.UTF_8));
        String issued = send("POST", base + "/api/access/tokens", basic, "{\"name\":\"bench\",\"validDays\":1}", 201);
        String bearer = "Bearer " + field(issued, "token");
        String layout = layout(16, 32);

        System.out.printf("%-12s %-10s %s%n", "facility", "import_ms", "response");
        for (int f = 0; f < facilities; f++) {
            String code = prefix + f;
            send("POST", base + "/api/facilities", bearer, """
                    {"code":"%s","name":"Bench %s","country":"SV","timeZone":"America/El_Salvador","type":"PRISON",
                     "responsibleAuthority":"Bench authority","inspectionAuthority":"Bench inspectorate"}
                    """.formatted(code, code), 201);
            long start = System.nanoTime();
            String body = send("POST", base + "/api/facilities/" + code + "/locations", bearer, layout, 201);
            System.out.printf("%-12s %-10.1f %s%n", code, (System.nanoTime() - start) / 1e6, body);
        }
        if (facilities > 0) {
            long start = System.nanoTime();
            String again = send("POST", base + "/api/facilities/" + prefix + "0/locations", bearer, layout, 200);
            System.out.printf("%-12s %-10.1f %s%n", "re-import", (System.nanoTime() - start) / 1e6, again);
        }
        time("GET /actuator/health (baseline: no auth, no SQL)", base + "/actuator/health", bearer, requests);
        time("GET /api/access/tokens (baseline: bearer auth + one small query)", base + "/api/access/tokens",
                bearer, requests);

        time("GET /api/facilities (estate: every facility's figures)", base + "/api/facilities", bearer, requests);
        time("GET /api/facilities/" + prefix + "0/occupancy (528 levels rolled up)",
                base + "/api/facilities/" + prefix + "0/occupancy", bearer, requests);
    }

    static void time(String label, String url, String auth, int n) throws Exception {
        for (int i = 0; i < 20; i++) {
            send("GET", url, auth, null, 200);   // warm-up
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            send("GET", url, auth, null, 200);
            ms.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf("%s: n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms%n", label, n,
                ms.get(n / 2), ms.get((int) Math.ceil(n * 0.95) - 1), ms.get((int) Math.ceil(n * 0.99) - 1),
                ms.get(n - 1));
    }

    static String layout(int modules, int cells) {
        var json = new StringBuilder("{\"format\":\"habeas-layout/1\",\"locations\":[");
        for (int m = 1; m <= modules; m++) {
            json.append("{\"path\":\"M").append(m).append("\",\"kind\":\"MODULE\"},");
            for (int c = 1; c <= cells; c++) {
                json.append("{\"path\":\"M%d-C%02d\",\"parent\":\"M%d\",\"kind\":\"CELL\",\"certifiedNormal\":156,"
                        .formatted(m, c, m)).append("\"operationalCapacity\":156,\"maximumCapacity\":156,")
                        .append("\"floorAreaM2\":100},");
            }
        }
        json.setLength(json.length() - 1);
        return json.append("]}").toString();
    }

    static String send(String method, String url, String auth, String body, int expected) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return json.substring(at, json.indexOf('"', at));
    }
}
