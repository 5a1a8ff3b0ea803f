package org.habeas.custody;

/**
 * A family member, child, next of kin or emergency contact recorded at admission (REQ-08(f)(g), REQ-09). For a
 * child: age, where the child is and who has custody or guardianship.
 */
public record Contact(Relation relation, String name, Integer age, String whereabouts, String guardianship,
                      String phone) {

    public enum Relation { CHILD, SPOUSE, PARENT, SIBLING, OTHER_FAMILY, NEXT_OF_KIN, EMERGENCY_CONTACT }
}
