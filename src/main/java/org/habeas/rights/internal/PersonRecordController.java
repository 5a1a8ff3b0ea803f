package org.habeas.rights.internal;

import java.util.Locale;
import java.util.UUID;

import org.habeas.people.PersonId;
import org.habeas.rights.PersonRecord;
import org.habeas.rights.PersonRecordService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The person's own record (REQ-15) as JSON or, with {@code Accept: application/pdf}, as PDF; also at
 * {@code /people/{id}/record.pdf} for the person page's link. Produced by the officers who deal with the person's
 * papers, never by housing, agencies or administrators.
 */
@RestController
class PersonRecordController {

    static final String EXPORTERS = "hasAnyRole('INTAKE','LEGAL','SUPERVISOR')";

    private final PersonRecordService records;
    private final RecordPdf pdf;

    PersonRecordController(PersonRecordService records, RecordPdf pdf) {
        this.records = records;
        this.pdf = pdf;
    }

    @GetMapping(path = "/api/people/{person}/record", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(EXPORTERS)
    PersonRecord json(@PathVariable UUID person) {
        return records.export(new PersonId(person), "JSON");
    }

    @GetMapping(path = "/api/people/{person}/record", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(EXPORTERS)
    ResponseEntity<byte[]> pdf(@PathVariable UUID person, Locale locale) {
        return pdfOf(person, locale);
    }

    @GetMapping(path = "/people/{person}/record.pdf")
    @PreAuthorize(EXPORTERS)
    ResponseEntity<byte[]> page(@PathVariable UUID person, Locale locale) {
        return pdfOf(person, locale);
    }

    private ResponseEntity<byte[]> pdfOf(UUID person, Locale locale) {
        PersonRecord record = records.export(new PersonId(person), "PDF");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("record-" + record.identity().registerNumber() + ".pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(pdf.write(record, locale));
    }
}
