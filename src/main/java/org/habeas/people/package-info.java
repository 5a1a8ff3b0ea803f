/**
 * Identity: names, aliases, birth date, nationalities, documents and languages of every person Habeas holds;
 * search that finds a name however it is written; duplicates; merge (REQ-04, REQ-06, REQ-07, REQ-08a, REQ-11,
 * REQ-14, REQ-33, REQ-49). Modules above register {@link org.habeas.people.PersonReferences} beans so a merge
 * re-points their rows too.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "audit", "access"})
package org.habeas.people;
