package org.habeas.transfer.internal;

import org.habeas.vetting.ApprovedMovements;
import org.habeas.vetting.MovementAction;
import org.habeas.vetting.VettingRequest;
import org.springframework.stereotype.Component;

/**
 * A removal of someone boarded on a dispatched outbound manifest, to its destination country and under its
 * agreement, and not yet handed over, was approved by two people: the version's builder and its approver (REQ-53).
 */
@Component
class BoardedOnApprovedManifest implements ApprovedMovements {

    private final TransferRepository repository;

    BoardedOnApprovedManifest(TransferRepository repository) {
        this.repository = repository;
    }

    @Override
    public boolean approvedByTwo(VettingRequest request) {
        return request.action() == MovementAction.REMOVAL && request.toCountry() != null
                && request.agreement() != null
                && repository.boardedForRemoval(request.person(), request.toCountry(), request.agreement());
    }
}
