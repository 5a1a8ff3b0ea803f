package org.habeas.transfer.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.habeas.common.ErrorCode;
import org.habeas.common.HabeasException;
import org.habeas.common.InvalidRequest;
import org.habeas.people.RecordedSex;
import org.habeas.transfer.LineDraft;
import org.habeas.transfer.NewArrival;

/**
 * A manifest's lines as CSV (RFC 4180, a header row, UTF-8): {@code ref, alternate, person_id, given_names,
 * first_family_name, second_family_name, birth_date, nationality, recorded_sex, category, basis_type,
 * basis_reference}. {@code alternate} is blank for a travelling line or the alternate's rank. Every malformed line
 * is reported, with its line number and field, before anything is written (MANIFEST_CSV_INVALID).
 */
final class ManifestCsv {

    static final List<String> COLUMNS = List.of("ref", "alternate", "person_id", "given_names", "first_family_name",
            "second_family_name", "birth_date", "nationality", "recorded_sex", "category", "basis_type",
            "basis_reference");

    /** One problem of the upload: the line (1 is the header), the column, and what is wrong. */
    record Problem(int line, String field, String message) {
    }

    /** The travelling lines and the alternates (in rank order). */
    record Lines(List<LineDraft> lines, List<LineDraft> alternates) {
    }

    private ManifestCsv() {
    }

    static Lines parse(String text) {
        List<Problem> problems = new ArrayList<>();
        List<List<String>> rows = rows(text == null ? "" : text, problems);
        if (rows.isEmpty()) {
            throw invalid(List.of(new Problem(1, "ref", "the upload is empty: a header row and lines are needed")));
        }
        List<String> header = rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        if (!header.equals(COLUMNS)) {
            throw invalid(List.of(new Problem(1, "header", "the header must be: " + String.join(",", COLUMNS))));
        }
        List<LineDraft> lines = new ArrayList<>();
        Map<Integer, LineDraft> alternates = new java.util.TreeMap<>();
        for (int r = 1; r < rows.size(); r++) {
            int number = r + 1;
            List<String> row = rows.get(r);
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (row.size() != COLUMNS.size()) {
                problems.add(new Problem(number, "line", "%d fields, not %d".formatted(row.size(), COLUMNS.size())));
                continue;
            }
            Map<String, String> f = new LinkedHashMap<>();
            for (int c = 0; c < COLUMNS.size(); c++) {
                String value = row.get(c).strip();
                f.put(COLUMNS.get(c), value.isEmpty() ? null : value);
            }
            int before = problems.size();
            if (f.get("ref") == null) {
                problems.add(new Problem(number, "ref", "required"));
            } else if (f.get("ref").length() > 100) {
                problems.add(new Problem(number, "ref", "at most 100 characters"));
            }
            UUID person = null;
            if (f.get("person_id") != null) {
                try {
                    person = UUID.fromString(f.get("person_id"));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(number, "person_id", "not a person id"));
                }
            }
            LocalDate birth = null;
            if (f.get("birth_date") != null) {
                try {
                    birth = LocalDate.parse(f.get("birth_date"));
                } catch (DateTimeParseException e) {
                    problems.add(new Problem(number, "birth_date", "not a date (YYYY-MM-DD)"));
                }
            }
            RecordedSex sex = null;
            if (f.get("recorded_sex") != null) {
                try {
                    sex = RecordedSex.valueOf(f.get("recorded_sex").toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(number, "recorded_sex", "one of MALE, FEMALE, INTERSEX, UNKNOWN"));
                }
            }
            if (f.get("nationality") != null && !f.get("nationality").matches("[A-Za-z]{2}")) {
                problems.add(new Problem(number, "nationality", "an ISO 3166-1 alpha-2 code"));
            }
            boolean identity = f.get("first_family_name") != null;
            if (f.get("person_id") == null && !identity) {
                problems.add(new Problem(number, "person_id", "a person id, or a new arrival's first_family_name"));
            }
            if (f.get("person_id") != null && identity) {
                problems.add(new Problem(number, "person_id", "a person id or identity data, not both"));
            }
            Integer rank = null;
            if (f.get("alternate") != null) {
                try {
                    rank = Integer.valueOf(f.get("alternate"));
                    if (rank < 1 || alternates.containsKey(rank)) {
                        problems.add(new Problem(number, "alternate", "a rank of 1 or more, used once"));
                    }
                } catch (NumberFormatException e) {
                    problems.add(new Problem(number, "alternate", "blank, or the alternate's rank"));
                }
            }
            if (problems.size() > before) {
                continue;
            }
            var draft = new LineDraft(f.get("ref"), person, identity ? new NewArrival(f.get("given_names"),
                    f.get("first_family_name"), f.get("second_family_name"), birth,
                    f.get("nationality") == null ? null : f.get("nationality").toUpperCase(Locale.ROOT), sex)
                    : null, f.get("category"), f.get("basis_type"), f.get("basis_reference"));
            if (rank == null) {
                lines.add(draft);
            } else {
                alternates.put(rank, draft);
            }
        }
        if (lines.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(1, "lines", "no travelling line"));
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return new Lines(lines, List.copyOf(alternates.values()));
    }

    private static HabeasException invalid(List<Problem> problems) {
        return new InvalidRequest(ErrorCode.MANIFEST_CSV_INVALID, "%d problems in the upload".formatted(
                problems.size())) {
            @Override
            public Map<String, Object> properties() {
                return Map.of("problems", problems);
            }
        };
    }

    // RFC 4180: fields separated by commas, optionally quoted, "" inside quotes is a quote, CRLF or LF ends a row.
    private static List<List<String>> rows(String text, List<Problem> problems) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                line++;
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            problems.add(new Problem(line, "line", "a quoted field is not closed"));
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
