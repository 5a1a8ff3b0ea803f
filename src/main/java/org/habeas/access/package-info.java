/**
 * Who may do what: users, roles, API tokens, log-on with lock-out, facility scope (REQ-52).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "audit"})
package org.habeas.access;
