/**
 * Legal: what may or may not be done with a person next. Court orders and protection decisions per country, stays,
 * provisional holds, class-wide injunctions by criteria, reviews of the record, notices before a third-country
 * removal, versioned legal policy, detention authority documents and return cases (REQ-02, REQ-41 to REQ-45,
 * REQ-55 to REQ-57). Its rules in the vetting engine refuse a removal that the record forbids, and one the record
 * cannot vouch for (invariant 7: fail closed). It sits above custody: it reads custody's open episodes (who is held,
 * where, on what authority, since when) and never the other way round; custody meets it only through the engine.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"common", "audit", "access", "vetting", "people", "custody"})
package org.habeas.legal;
