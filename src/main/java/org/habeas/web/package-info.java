/** The page shell: layout, navigation, language, home page and error pages. May use any module's service. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "audit", "access", "legal", "rights", "oversight"})
package org.habeas.web;
