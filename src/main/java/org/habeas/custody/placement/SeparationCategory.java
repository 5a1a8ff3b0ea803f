package org.habeas.custody.placement;

import org.habeas.custody.LegalStatus;

/**
 * What Mandela Rule 11 keeps apart, as recorded at admission (REQ-20): the person's recorded sex, whether a minor,
 * and why held.
 */
public record SeparationCategory(String sex, boolean juvenile, LegalStatus legalStatus) {
}
