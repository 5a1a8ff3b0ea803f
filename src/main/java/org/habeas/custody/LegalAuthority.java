package org.habeas.custody;

import java.time.LocalDate;

/** The commitment order an episode rests on: its type, who issued it, when, and the document (REQ-02, REQ-04). */
public record LegalAuthority(AuthorityType type, String issuingAuthority, LocalDate issuedOn, String documentReference,
                             String grounds) {
}
