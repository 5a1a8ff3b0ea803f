package org.habeas.estate;

import java.time.LocalDate;
import java.util.Objects;

/** Registers an expansion project; its layout is imported separately. */
public record NewExpansion(String name, LocalDate plannedOn, String reason) {

    public NewExpansion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(plannedOn, "plannedOn");
    }
}
