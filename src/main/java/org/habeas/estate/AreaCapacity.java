package org.habeas.estate;

/**
 * What the floor area alone allows (REQ-26): ICRC at least 5.4 m² alone or 3.4 m² per person shared, CPT at least
 * 6 m² alone or 4 m² per person shared. Computed by the database ({@code icrc_places}, {@code cpt_places}), so
 * reports and this record can never disagree. {@code null} where the floor area is unknown.
 */
public record AreaCapacity(Integer icrc, Integer cpt) {
}
