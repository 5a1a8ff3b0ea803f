package org.habeas.transfer.internal;

import java.util.stream.Collectors;

import org.habeas.transfer.AgreementStatement;

/** The statement written as CSV (RFC 4180): the figures as name,value rows, a blank line, then one row per day. */
final class Csv {

    private Csv() {
    }

    static String statement(AgreementStatement s) {
        StringBuilder out = new StringBuilder();
        row(out, "agreement", s.reference());
        row(out, "from", s.from());
        row(out, "to", s.to());
        row(out, "people_held", s.peopleHeld());
        row(out, "detainee_days", s.detaineeDays());
        row(out, "currency", s.currency());
        row(out, "cost", s.cost());
        row(out, "cost_per_person", s.costPerPerson());
        row(out, "cost_per_detainee_day", s.costPerDetaineeDay());
        row(out, "capacity_cap", s.capacityCap());
        row(out, "held_now", s.heldNow());
        row(out, "cap_usage", s.capUsage());
        row(out, "days_left", s.daysLeft());
        row(out, "without_disposition", s.withoutDisposition().size());
        out.append("\r\n");
        row(out, "day", "held", "cost_to_date");
        for (AgreementStatement.Day d : s.days()) {
            row(out, d.day(), d.held(), d.costToDate());
        }
        return out.toString();
    }

    static String safeName(String text) {
        return text.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void row(StringBuilder out, Object... values) {
        out.append(java.util.Arrays.stream(values).map(Csv::field).collect(Collectors.joining(","))).append("\r\n");
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        // A leading =, +, - or @ would be a formula to a spreadsheet: quoted and prefixed, it stays text.
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9.]+")) {
            text = "'" + text;
        }
        return text.matches(".*[\",\r\n'].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
