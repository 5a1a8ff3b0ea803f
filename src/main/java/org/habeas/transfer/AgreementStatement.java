package org.habeas.transfer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What an agreement cost and held over a period (REQ-46): people held, detainee-days, the cost by the price model,
 * per person and per detainee-day (null when there is nothing to divide by), the cap and how much of it is used now,
 * the days left in the term, and the people held now without a recorded long-term disposition.
 *
 * @param cost     the cost of the period: a lump sum spread evenly over the term's days, or the amount times people
 *                 or detainee-days
 * @param capUsage people held now over the cap, as a fraction; null without a cap
 * @param days     one point per day of the period, for the charts: people held that day and the cost so far
 */
public record AgreementStatement(UUID agreement, String reference, LocalDate from, LocalDate to, long peopleHeld,
                                 long detaineeDays, String currency, BigDecimal cost, BigDecimal costPerPerson,
                                 BigDecimal costPerDetaineeDay, Integer capacityCap, long heldNow,
                                 BigDecimal capUsage, long daysLeft, List<HeldPerson> withoutDisposition,
                                 List<Day> days) {

    public record Day(LocalDate day, long held, BigDecimal costToDate) {
    }
}
