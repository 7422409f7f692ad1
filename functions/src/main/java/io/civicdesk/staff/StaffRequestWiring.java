package io.civicdesk.staff;

import io.civicdesk.feedback.SurveyInvitations;
import io.civicdesk.feedback.SurveyStore;
import io.civicdesk.figures.SatisfactionFiguresStore;
import io.civicdesk.platform.Config;
import io.civicdesk.requests.RequestActions;
import io.civicdesk.requests.RequestWiring;
import io.civicdesk.requests.SubmitRequestService;

import java.security.SecureRandom;

/**
 * The staff request function's services: request handling as {@link RequestWiring} builds it, with the survey
 * after service written when a request is resolved — wired here, as requests knows nothing of feedback.
 */
record StaffRequestWiring(RequestWiring requests, String feedbackTable) {
    static StaffRequestWiring fromConfig() {
        return new StaffRequestWiring(RequestWiring.fromConfig(), Config.require("FEEDBACK_TABLE"));
    }

    RequestActions actions() {
        var dynamo = requests.dynamo();
        SurveyInvitations surveys = new SurveyInvitations(dynamo, new SurveyStore(dynamo, feedbackTable),
                new SatisfactionFiguresStore(dynamo, feedbackTable), requests.outbox(), requests.catalog(),
                requests.clock(), new SecureRandom(), requests.portalUrl());
        return requests.actions((resolved, now) -> surveys.onResolved(resolved, now).writes());
    }

    SubmitRequestService submissions() {
        return requests.submissions();
    }
}
