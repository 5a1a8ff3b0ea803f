package org.habeas.transfer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What an agreement between governments says (REQ-46): the parties, the instrument and whether it binds, the term,
 * the price, the capacity cap, the categories of people the receiving side accepts, the standards and access
 * guarantees, the reporting duties and the return clause. {@code alertDays}: how long before the end of the term
 * the agreement is listed among those expiring; null takes the configured default.
 */
public record AgreementTerms(String reference, String title, String sendingState, String sendingAgency,
                             String receivingState, String receivingAgency, InstrumentType instrument,
                             boolean binding, LocalDate termStart, LocalDate termEnd, PriceModel priceModel,
                             BigDecimal priceAmount, String currency, Integer capacityCap,
                             List<String> acceptedCategories, String standards, Access access,
                             String reportingDuties, String returnClause, Integer alertDays) {

    /** Who may reach the people held (REQ-46): counsel, consuls, family, the ICRC or an inspection body. */
    public record Access(boolean counsel, boolean consular, boolean family, boolean inspection) {
    }

    public AgreementTerms {
        Objects.requireNonNull(access, "access");
        acceptedCategories = acceptedCategories == null ? List.of() : List.copyOf(acceptedCategories);
    }
}
