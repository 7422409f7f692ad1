package io.civicdesk.local;

import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.directory.StaffMember;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * Who may sign in at the local sign-in: the enabled accounts of the stack's staff user pool (in moto), each with
 * what Cognito would put in their token — sub, name, email, custom:unit and their groups. Read afresh on every
 * sign-in, so a person an administrator adds can sign in at once and one they disable cannot.
 */
final class UserPoolStaff {
    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;

    /** {@code userPoolId} null: the template has no staff user pool, and nobody signs in. */
    UserPoolStaff(CognitoIdentityProviderClient cognito, String userPoolId) {
        this.cognito = cognito;
        this.userPoolId = userPoolId;
    }

    /** Everyone who may sign in, by name. */
    List<StaffMember> enabled() {
        if (userPoolId == null) {
            return List.of();
        }
        return cognito.listUsersPaginator(list -> list.userPoolId(userPoolId)).users().stream()
                .filter(UserType::enabled).map(user -> member(user.username(), user.attributes()))
                .sorted(Comparator.comparing(StaffMember::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** The member with this sub, if they may sign in. */
    Optional<StaffMember> enabled(String sub) {
        return enabled().stream().filter(member -> member.id().equals(sub)).findFirst();
    }

    private StaffMember member(String username, List<AttributeType> attributeList) {
        Map<String, String> attributes = attributeList.stream()
                .collect(Collectors.toMap(AttributeType::name, AttributeType::value, (first, second) -> second));
        return new StaffMember(attributes.get("sub"), attributes.getOrDefault("name", attributes.get("email")),
                attributes.get("email"),
                cognito.adminListGroupsForUserPaginator(list -> list.userPoolId(userPoolId).username(username)).groups().stream()
                        .map(GroupType::groupName)
                        .map(group -> Arrays.stream(Role.values()).filter(role -> role.group().equals(group)).findFirst().orElse(null))
                        .filter(Objects::nonNull).collect(Collectors.toSet()),
                attributes.get("custom:unit"));
    }
}
