package io.civicdesk.staff;

import io.civicdesk.feedback.FeedbackWiring;
import io.civicdesk.feedback.SurveyInvitations;
import io.civicdesk.requests.RequestActions;
import io.civicdesk.requests.RequestWiring;
import io.civicdesk.requests.SubmitRequestService;

/**
 * The staff request function's services: request handling as {@link RequestWiring} builds it, with the survey
 * after service written when a request is resolved — wired here, as requests knows nothing of feedback — and the
 * officers' planned days.
 */
record StaffRequestWiring(RequestWiring requests) {
    static StaffRequestWiring fromConfig() {
        return new StaffRequestWiring(RequestWiring.fromConfig());
    }

    RequestActions actions() {
        SurveyInvitations surveys = new FeedbackWiring(requests.dynamo(), requests.clock()).invitations();
        return requests.actions((resolved, now) -> surveys.onResolved(resolved, now).writes());
    }

    SubmitRequestService submissions() {
        return requests.submissions();
    }

    DayPlans dayPlans() {
        return new DayPlans(new DayPlanStore(requests.dynamo(), requests.requestsTable()), requests.requests(),
                requests.directory(), requests.clock());
    }
}
