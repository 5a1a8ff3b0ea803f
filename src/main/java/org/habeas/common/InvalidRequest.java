package org.habeas.common;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/** Input that passed bean validation but breaks a rule of its own; names the offending fields. */
public class InvalidRequest extends HabeasException {

    private final List<String> fields;

    public InvalidRequest(ErrorCode code, String detail, String... fields) {
        super(code, HttpStatus.BAD_REQUEST, detail);
        this.fields = List.of(fields);
    }

    @Override
    public Map<String, Object> properties() {
        return fields.isEmpty() ? Map.of() : Map.of("fields", fields);
    }
}
