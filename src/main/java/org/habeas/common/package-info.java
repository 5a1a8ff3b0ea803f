/**
 * What every module shares: problem-details errors with stable codes, the clock, paging, request ids,
 * idempotent commands and the database the application runs on.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.habeas.common;
