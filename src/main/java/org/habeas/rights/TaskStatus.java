package org.habeas.rights;

/** Where a notification duty stands. Overdue is not a status: an OPEN task past its deadline. */
public enum TaskStatus {
    /** Owed: attempts may be recorded; overdue once past its deadline. */
    OPEN,
    /** Delivered: an attempt recorded as delivered closed it; nothing more is recorded. */
    DONE,
    /** Not to be made: the person asked that this contact not be told of illness or injury (REQ-31). */
    WITHHELD;

    public boolean canBecome(TaskStatus next) {
        return switch (this) {
            case OPEN -> next == DONE;
            case DONE, WITHHELD -> false;
        };
    }
}
