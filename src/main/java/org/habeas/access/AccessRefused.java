package org.habeas.access;

import org.habeas.common.ErrorCode;
import org.habeas.common.HabeasException;
import org.springframework.http.HttpStatus;

/** Refusals of the access module; each carries its own stable code. */
public class AccessRefused extends HabeasException {

    AccessRefused(ErrorCode code, HttpStatus status, String detail) {
        super(code, status, detail);
    }

    static AccessRefused userNotFound(String who) {
        return new AccessRefused(ErrorCode.USER_NOT_FOUND, HttpStatus.NOT_FOUND, "No user " + who);
    }

    static AccessRefused usernameTaken(String username) {
        return new AccessRefused(ErrorCode.USERNAME_TAKEN, HttpStatus.CONFLICT,
                "The username " + username + " is already in use");
    }

    static AccessRefused weakPassword(String why) {
        return new AccessRefused(ErrorCode.PASSWORD_TOO_WEAK, HttpStatus.BAD_REQUEST, why);
    }

    static AccessRefused forbidden(String detail) {
        return new AccessRefused(ErrorCode.FORBIDDEN, HttpStatus.FORBIDDEN, detail);
    }

    static AccessRefused tokenNotFound() {
        return new AccessRefused(ErrorCode.TOKEN_NOT_FOUND, HttpStatus.NOT_FOUND, "No such token");
    }
}
