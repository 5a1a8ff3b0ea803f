package org.habeas.custody;

/** One line of the property inventory taken at admission (REQ-08(e)). */
public record PropertyItem(String description, int quantity) {
}
