package org.habeas.people;

/** Sex as recorded on documents or at intake; self-identified gender is kept separately (REQ-08a). */
public enum RecordedSex { MALE, FEMALE, INTERSEX, UNKNOWN }
