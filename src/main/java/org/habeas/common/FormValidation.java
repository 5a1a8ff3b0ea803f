package org.habeas.common;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

/**
 * Runs the API's own bean validation on a request a page built from its form, so a page cannot store what the API
 * would refuse: {@code VALIDATION_FAILED} naming every field that is missing or not valid.
 */
@Component
public class FormValidation {

    private final Validator validator;

    FormValidation(Validator validator) {
        this.validator = validator;
    }

    public void require(Object request) {
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "Some fields are missing or not valid",
                    violations.stream().map(ConstraintViolation::getPropertyPath).map(Object::toString).sorted()
                            .distinct().toArray(String[]::new));
        }
    }
}
