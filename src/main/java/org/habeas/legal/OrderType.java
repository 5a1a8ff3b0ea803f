package org.habeas.legal;

/**
 * The court orders and protection decisions the legal record holds (REQ-41, REQ-43), each in one of the categories
 * the rules judge by.
 */
public enum OrderType {
    /** INA 241(b)(3) withholding of removal: blocks removal to the protected-against country only (REQ-41). */
    WITHHOLDING_OF_REMOVAL(Category.PROTECTION),
    /** Withholding under the Convention against Torture (8 CFR 208.16/1208.16). */
    CAT_WITHHOLDING(Category.PROTECTION),
    /** Deferral of removal under CAT (8 CFR 208.17): the removal order stays in force, not its execution there. */
    CAT_DEFERRAL(Category.PROTECTION),
    /** Asylum granted: protection against the country of persecution. */
    ASYLUM_GRANT(Category.PROTECTION),
    /** Automatic stay while a BIA appeal is pending or the appeal period is open (8 CFR 1003.6). */
    STAY_AUTOMATIC_APPEAL(Category.STAY),
    /** A discretionary stay granted by the Board of Immigration Appeals. */
    STAY_BIA(Category.STAY),
    /** An administrative stay (Form I-246, 8 CFR 241.6). */
    STAY_ADMINISTRATIVE(Category.STAY),
    /** A stay granted by a court (a petition for review alone stays nothing). */
    STAY_COURT(Category.STAY),
    /** A habeas temporary restraining order: no removal while it stands. */
    HABEAS_TRO(Category.STAY),
    /** An order to release the person: a release authority. */
    RELEASE_ORDER(Category.RELEASE),
    /** An order to facilitate the return of a person removed (REQ-45). */
    FACILITATE_RETURN(Category.RETURN),
    /** A final order of removal, which a removal from immigration custody needs. */
    FINAL_REMOVAL_ORDER(Category.FINAL_ORDER);

    /** What an order does to a movement. */
    public enum Category {
        /** Forbids removal, handover or transfer abroad to one country. */
        PROTECTION,
        /** Forbids any removal while it stands. */
        STAY,
        RELEASE,
        RETURN,
        FINAL_ORDER
    }

    private final Category category;

    OrderType(Category category) {
        this.category = category;
    }

    public Category category() {
        return category;
    }

    /** A protection decision is country-specific: without its ISO country it is refused (REQ-41). */
    public boolean needsCountry() {
        return category == Category.PROTECTION;
    }

    /** A stay or a TRO is entered with the court (or authority) and case number that granted it (REQ-43). */
    public boolean needsCaseNumber() {
        return category == Category.STAY;
    }
}
