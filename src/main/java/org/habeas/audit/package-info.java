/**
 * The tamper-evident journal (REQ-06, REQ-49..51; invariants 4 and 5, docs/architecture.md): every command appends an
 * entry in its own transaction, a sealer links committed entries into a SHA-256 chain and signs checkpoints with
 * Ed25519, and {@link org.habeas.audit.Journal#verify()} recomputes both.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common"})
package org.habeas.audit;
