package org.habeas.rights.internal;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.habeas.rights.PersonRecord;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The person's record as a PDF (REQ-15), headings in the reader's language: one section per part, a table per list,
 * and the redactions with their grounds last. Times in UTC, as the register keeps them.
 */
@Component
class RecordPdf {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font HEAD_CELL = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);
    private static final Font CELL = FontFactory.getFont(FontFactory.HELVETICA, 8);

    private final MessageSource messages;

    RecordPdf(MessageSource messages) {
        this.messages = messages;
    }

    byte[] write(PersonRecord r, Locale locale) {
        var out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(text(locale, "record.pdf.title") + " " + r.identity().registerNumber());
            document.open();
            document.add(new Paragraph(text(locale, "record.pdf.title"), TITLE));
            document.add(new Paragraph(text(locale, "record.pdf.produced", TIME.format(r.producedAt()),
                    r.producedBy()), BODY));

            heading(document, text(locale, "record.pdf.identity"));
            var i = r.identity();
            table(document, List.of(text(locale, "record.pdf.field"), text(locale, "record.pdf.value")), List.of(
                    List.of(text(locale, "record.pdf.registerNumber"), i.registerNumber()),
                    List.of(text(locale, "record.pdf.name"), nz(i.fullName())),
                    List.of(text(locale, "record.pdf.aliases"), String.join("; ", i.aliases())),
                    List.of(text(locale, "record.pdf.birth"), nz(i.birth()) + (i.birthPlace() == null ? ""
                            : ", " + i.birthPlace())),
                    List.of(text(locale, "record.pdf.sex"), i.recordedSex()),
                    List.of(text(locale, "record.pdf.nationalities"), String.join("; ", i.nationalities())),
                    List.of(text(locale, "record.pdf.documents"), String.join("; ", i.documents())),
                    List.of(text(locale, "record.pdf.languages"), String.join(", ", i.languages()))));

            heading(document, text(locale, "record.pdf.custody"));
            table(document, headers(locale, "facility", "legalStatus", "authority", "admitted", "ended"),
                    r.custody().stream().map(e -> List.of(e.facility(), e.legalStatus(),
                            join(e.authorityType(), e.issuingAuthority(), String.valueOf(e.authorityIssuedOn()),
                                    e.authorityReference(), e.grounds()),
                            time(e.admittedAt()), e.endedAt() == null ? "" : time(e.endedAt()) + " " + e.ended()))
                            .toList());

            heading(document, text(locale, "record.pdf.movements"));
            table(document, headers(locale, "when", "movement", "facility", "cell", "destination", "authority"),
                    r.movements().stream().map(m -> List.of(time(m.occurredAt()), m.kind(), m.facility(),
                            nz(m.cell()), join(m.destination(), m.detail()), join(m.authority(), m.reason())))
                            .toList());

            heading(document, text(locale, "record.pdf.orders"));
            table(document, headers(locale, "order", "issuedBy", "caseNumber", "decided", "status", "country"),
                    r.orders().stream().map(o -> List.of(o.type(), o.issuedBy(), nz(o.caseNumber()),
                            String.valueOf(o.decidedOn()), o.status(), nz(o.country()))).toList());

            heading(document, text(locale, "record.pdf.holds"));
            table(document, headers(locale, "source", "issuedBy", "caseNumber", "received", "status"),
                    r.holds().stream().map(h -> List.of(h.source(), h.issuedBy(), nz(h.caseNumber()),
                            time(h.receivedAt()), h.status())).toList());

            heading(document, text(locale, "record.pdf.notifications"));
            table(document, headers(locale, "occasion", "to", "due", "status", "attempts"),
                    r.notifications().stream().map(n -> List.of(n.occasion(), join(n.recipient(), n.contactName()),
                            time(n.dueAt()), n.status(), n.attempts().stream().map(a -> time(a.at()) + " " + a.method() + " "
                                    + text(locale, a.delivered() ? "record.pdf.delivered" : "record.pdf.notDelivered"))
                                    .collect(Collectors.joining("; "))))
                            .toList());

            heading(document, text(locale, "record.pdf.redactions"));
            table(document, headers(locale, "withheld", "ground"),
                    r.redactions().stream().map(x -> List.of(text(locale, "record.redaction." + x.code()),
                            text(locale, "record.redaction." + x.code() + ".ground"))).toList());
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The record's PDF could not be written", e);
        }
        return out.toByteArray();
    }

    private List<String> headers(Locale locale, String... keys) {
        return Stream.of(keys).map(k -> text(locale, "record.pdf.column." + k)).toList();
    }

    private static void heading(Document document, String text) throws DocumentException {
        Paragraph p = new Paragraph(text, HEADING);
        p.setSpacingBefore(12);
        p.setSpacingAfter(4);
        document.add(p);
    }

    private static void table(Document document, List<String> headers, List<List<String>> rows)
            throws DocumentException {
        PdfPTable table = new PdfPTable(headers.size());
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        headers.forEach(h -> table.addCell(cell(h, HEAD_CELL)));
        if (rows.isEmpty()) {
            PdfPCell none = cell("—", CELL);
            none.setColspan(headers.size());
            table.addCell(none);
        }
        rows.forEach(row -> row.forEach(v -> table.addCell(cell(v, CELL))));
        document.add(table);
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, font));
        cell.setVerticalAlignment(Element.ALIGN_TOP);
        cell.setPadding(3);
        return cell;
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }

    private static String join(String... parts) {
        return Stream.of(parts).filter(Objects::nonNull).filter(p -> !p.isBlank() && !"null".equals(p))
                .collect(Collectors.joining(" · "));
    }
}
