package org.habeas.people;

/**
 * The merge mechanism: every module whose rows point at a person registers a bean of this type. Merging B into A
 * calls each bean in the merge's own transaction, so either every module's rows move from B to A or none do.
 * Rows that would collide with A's (the same facility link twice) are folded into A's. An implementation refuses
 * (throws a {@code HabeasException}) only when the two records cannot be one person's, such as custody in two
 * places at once; the whole merge is then rolled back. B is already marked as merged into A when the beans run.
 */
public interface PersonReferences {

    /** A short name for the journal entry ("people.documents", "custody.episodes"). */
    String name();

    /** Re-points every row of this module from {@code duplicate} to {@code survivor}; answers how many moved. */
    int repoint(PersonId duplicate, PersonId survivor);
}
