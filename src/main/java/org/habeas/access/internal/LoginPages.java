package org.habeas.access.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The log-on page; Spring Security's form filter handles the POST. Open to everyone by definition. */
@Controller
class LoginPages {

    @GetMapping("/login")
    String login() {
        return "access/login";
    }
}
