package io.civicdesk.staff;

import io.civicdesk.directory.StaffMember;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEvent;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.StaffCaller.Role;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The staff user pool's pre token generation trigger ({@code StaffSignInFunction}): at each sign-in and token
 * refresh, the directory is brought in step with the account ({@link StaffSignIns#signingIn}); someone the
 * directory says has left gets no token (Cognito shows the sign-in page's error). The token itself is left as it is.
 */
public final class StaffSignInHandler implements RequestHandler<CognitoUserPoolPreTokenGenerationEvent, CognitoUserPoolPreTokenGenerationEvent> {
    private final StaffSignIns signIns;

    public StaffSignInHandler() {
        this(new StaffAdminWiring(AwsClients.dynamoDb()).staffSignIns());
    }

    public StaffSignInHandler(StaffSignIns signIns) {
        this.signIns = signIns;
    }

    @Override
    public CognitoUserPoolPreTokenGenerationEvent handleRequest(CognitoUserPoolPreTokenGenerationEvent event, Context context) {
        Map<String, String> attributes = event.getRequest().getUserAttributes();
        CognitoUserPoolPreTokenGenerationEvent.GroupConfiguration groups = event.getRequest().getGroupConfiguration();
        Set<Role> roles = groups == null || groups.getGroupsToOverride() == null ? Set.of()
                : Arrays.stream(groups.getGroupsToOverride())
                .map(group -> Arrays.stream(Role.values()).filter(role -> role.group().equals(group)).findFirst().orElse(null))
                .filter(Objects::nonNull).collect(Collectors.toSet());
        signIns.signingIn(new StaffMember(attributes.get("sub"), attributes.getOrDefault("name", attributes.get("email")),
                attributes.get("email"), roles, attributes.get("custom:unit")));
        return event;
    }
}
