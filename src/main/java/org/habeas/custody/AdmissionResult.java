package org.habeas.custody;

import java.util.UUID;

/**
 * One line of a bulk admission: admitted (status 201, with the episode) or refused (the problem's status and code).
 * Each person is all-or-nothing; one refusal does not stop the others.
 */
public record AdmissionResult(int index, UUID person, int status, String code, String detail, UUID episode) {
}
